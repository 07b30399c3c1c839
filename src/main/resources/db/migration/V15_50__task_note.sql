-- Notes written in a task form (issue #16: the notes of Halvtidsuppföljning, Utred obekräftad utbetalning, Följ upp
-- försenad utredning and Följ upp missat uppföljningssamtal) are kept here, not in the engine (issue #13: free text
-- is personal data), and shown to the next person in the same case (config/TaskNotePlugin, field "anteckningar").
create table task_note (
    id                          uuid primary key,
    root_process_instance_id    varchar(64)   not null,            -- the case: the outermost process instance
    process_instance_id         varchar(64)   not null,
    task_id                     varchar(64)   not null,
    task_name                   varchar(255),
    field                       varchar(100)  not null,
    note                        varchar(4000) not null,
    written_by                  varchar(64),
    written_at                  timestamp with time zone not null,
    constraint task_note_once unique (task_id, field)
);
create index task_note_root on task_note (root_process_instance_id, written_at);
