-- Work that must run on one node at a time (platform/RunOnce): a row per job, taken by a conditional update while
-- locked_until has passed. locked_until in the past means free; locked_by and locked_at say who ran it last.
-- Times are the database's own clock, so nodes whose clocks drift apart still agree.
create table job_lease (
    name                varchar(100)  primary key,
    locked_until        timestamp(6) with time zone not null,
    locked_at           timestamp(6) with time zone not null,
    locked_by           varchar(255)  not null
);
