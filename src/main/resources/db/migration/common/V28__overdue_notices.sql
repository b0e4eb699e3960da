-- The overdue tasks already announced: one row per task, so every node may scan and each task is told once.
create table task_overdue_notice (
    task_id             varchar(64)   primary key,
    noticed_at          timestamp(6) with time zone not null
);
