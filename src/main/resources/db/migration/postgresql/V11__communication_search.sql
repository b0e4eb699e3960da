-- Substring search on exchanges stays fast at millions of rows: trigram GIN indexes serve
-- lower(subject) like '%word%' and lower(details) like '%word%', the exact expressions the search uses.
create extension if not exists pg_trgm;
create index communication_subject_trgm_idx on communication using gin (lower(subject) gin_trgm_ops);
create index communication_details_trgm_idx on communication using gin (lower(details) gin_trgm_ops);
