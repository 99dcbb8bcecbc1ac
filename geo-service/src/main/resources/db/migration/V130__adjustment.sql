-- Owned by the adjustment feature (cn.civgeo.adjustment): proposed division adjustments, kept apart from the
-- registry until an ADMIN approves them, their revisions, and the follow-up tasks approval opens.
create table adjustment_proposal (
    id            bigint generated always as identity primary key,
    title         text not null check (length(title) between 1 and 200),
    note          text,
    -- draft: editable; approved: applied to the registry (event ids below); withdrawn: given up
    status        text not null default 'draft' check (status in ('draft', 'approved', 'withdrawn')),
    -- the proposal body as posted: steps (division change requests without date and document), seats, entered values
    body          jsonb not null,
    version       int not null default 1,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    approved_by   text,
    approved_at   timestamptz,
    approval_document text,
    event_ids     bigint[] not null default '{}',
    -- the impact report computed at approval (what the registry looked like just before the change)
    impact        jsonb
);

-- Every saved version of a proposal's body (a proposal is versioned: version n is row (id, n)).
create table adjustment_proposal_revision (
    proposal_id   bigint not null references adjustment_proposal(id),
    version       int not null,
    title         text not null,
    body          jsonb not null,
    saved_by      text not null,
    saved_at      timestamptz not null default now(),
    primary key (proposal_id, version)
);

-- Follow-up work opened by an approval: re-demarcation of boundary lines, recoding of standard addresses (a durable
-- job), renaming of place names that became duplicates in their new scope.
create table adjustment_task (
    id            bigint generated always as identity primary key,
    proposal_id   bigint not null references adjustment_proposal(id),
    kind          text not null check (kind in ('redemarcation', 'address_recoding', 'rename_duplicate')),
    subject       text not null,
    status        text not null default 'open' check (status in ('open', 'running', 'done', 'failed')),
    detail        jsonb not null default '{}',
    job_id        text,
    report        jsonb,
    version       int not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index adjustment_task_proposal on adjustment_task(proposal_id);
