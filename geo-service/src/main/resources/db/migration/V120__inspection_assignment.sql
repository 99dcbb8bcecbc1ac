-- Boundary feature (#15): which survey team inspects which line of a round. A line is assigned to one team per
-- round; members are user names (the surveyors who see the line under "my lines"). Assignments are replaced as a
-- whole by the ADMIN planning the round (version-checked on the round).
create table inspection_assignment (
    round_id    bigint not null,
    line_id     bigint not null,
    team        text not null check (length(team) between 1 and 100),
    members     text[] not null default '{}',
    assigned_by text not null,
    assigned_at timestamptz not null default now(),
    primary key (round_id, line_id),
    foreign key (round_id, line_id) references inspection_round_line (round_id, line_id)
);
create index inspection_assignment_members on inspection_assignment using gin (members);
