package cn.civgeo.feed;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/** One entry of the change feed; {@code record} is the JSON of the record after the write (null on delete). */
record FeedEntry(long seq, String entity, String key, String op, String oldCode, String newCode,
                        @JsonRawValue String record, OffsetDateTime recordedAt) {}
