-- Durable background jobs (common.jobs.JobService): a job's state, progress, input and answer live here, so a job id
-- answers from any instance and after a restart. Executions are db-scheduler's one-time tasks in scheduled_tasks
-- (its PostgreSQL table, as its documentation gives it), picked by exactly one instance (optimistic version lock)
-- and revived by another when the executing instance stops heart-beating.
create table job (
    id           text primary key,
    kind         text        not null,
    owner        text        not null,
    authorities  text[]      not null default '{}',
    status       text        not null default 'QUEUED'
                 check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    input        jsonb,
    input_file   bytea,
    total        bigint,
    done         bigint      not null default 0,
    message      text,
    submitted_at timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    result       jsonb,
    error        jsonb,
    instance     text,
    attempts     int         not null default 0
);
create index job_owner_status_idx on job (owner, status);
create index job_finished_idx on job (finished_at) where finished_at is not null;

create table if not exists scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index if not exists execution_time_idx on scheduled_tasks (execution_time);
create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
