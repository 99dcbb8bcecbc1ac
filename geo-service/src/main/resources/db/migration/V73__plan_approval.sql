-- A plan is drafted, then approved (印发: by its approving body, with the document and date); an approved plan's
-- targets change only through its workflow (reopen by an administrator with a reason, change, approve again), so
-- the indicators measured against it cannot be moved quietly (issue #18). Reported values are still entered.
alter table plan
    add column approval        text not null default 'draft' check (approval in ('draft', 'approved')),
    add column approving_body  text,
    add column approval_document text,
    add column approved_on     date,
    add column approved_by     text,
    add column approved_at     timestamptz,
    add column reopen_reason   text,
    add constraint plan_approved_complete check (approval <> 'approved'
        or (approving_body is not null and approval_document is not null and approved_on is not null and approved_by is not null));
