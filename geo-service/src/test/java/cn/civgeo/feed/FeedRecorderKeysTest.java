package cn.civgeo.feed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A bulk load's summary audit row names no record, so it must not become a feed entry (nor a warning at start-up). */
class FeedRecorderKeysTest {
    @Test
    void bulkSummariesAreNotRecords() {
        assertTrue(FeedRecorder.isBulkSummary("demo:350200"));
        assertFalse(FeedRecorder.isBulkSummary("350203"));
        assertFalse(FeedRecorder.isBulkSummary("4711"));
        assertFalse(FeedRecorder.isBulkSummary(null));
    }
}
