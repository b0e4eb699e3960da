-- The quick search looks for words inside attachments' extracted text and names; trigram indexes
-- serve lower(x) like '%word%' there as on exchanges (V11).
create index attachment_text_trgm_idx on attachment using gin (lower(extracted_text) gin_trgm_ops);
create index attachment_name_trgm_idx on attachment using gin (lower(file_name) gin_trgm_ops);
