-- The monthly report (processes/monthly-report.bpmn): one row per month, replaced when the month is built again.
-- bytea is PostgreSQL's binary type and an alias of H2's VARBINARY, so one script serves both; a report is tens of
-- kilobytes, far below either's limit.
create table monthly_report (
    report_month        varchar(7)     primary key,
    pdf                 bytea          not null,
    built_at            timestamp(6) with time zone not null,
    built_by            varchar(64)    not null,
    -- the figures the PDF shows, as JSON: the managers' mail is written from them
    figures_json        varchar(200000) not null
);
