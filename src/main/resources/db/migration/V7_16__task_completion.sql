-- Who completed which user task: written by the engine plugin TaskCompletionPlugin for every completed user task of
-- every process, in the same transaction as the completion. The one record of "completed by" that processes and
-- reports read (e.g. the appeal credits the caseworker who completed "Ompröva beslut"). Ids only, no personal data.
create table task_completion (
    task_id             varchar(64)  not null primary key,
    task_definition_key varchar(255) not null,
    process_instance_id varchar(64)  not null,
    process_definition_key varchar(255),
    completed_by        varchar(255),
    completed_at        timestamp    not null
);
create index task_completion_process on task_completion (process_instance_id, task_definition_key);
