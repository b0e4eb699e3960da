-- The quick search looks for a word inside customers' names and e-mails (lower(x) like '%word%'); without these
-- trigram indexes that is a scan of every customer, ~80 ms at 100,000 customers (README, Performance).
create extension if not exists pg_trgm;
create index customer_name_trgm_idx on customer using gin (lower(name) gin_trgm_ops);
create index customer_email_trgm_idx on customer using gin (lower(email) gin_trgm_ops);
