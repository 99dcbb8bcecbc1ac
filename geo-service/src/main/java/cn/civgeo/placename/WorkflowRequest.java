package cn.civgeo.placename;

import java.time.LocalDate;

/**
 * A workflow step: {@code version} (optimistic lock) plus what the step needs: {@code reason} (reject, rename,
 * abolish), approval body/document/date (approve, rename, abolish), {@code announcementNo} (announce),
 * {@code newName} and optional {@code spelling} (rename).
 */
record WorkflowRequest(Integer version, String reason, String approvalAuthority, String approvalDoc,
                              LocalDate approvalDate, String announcementNo, String newName, String spelling) {}
