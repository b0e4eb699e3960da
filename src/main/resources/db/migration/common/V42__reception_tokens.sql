-- The reception note is signed through the same single-use links as the delivery note (GET/POST
-- /public/reception/{token}, signing module): a token now says what it is for, so a link of one page opens nothing on
-- the other, and a new link ends only the open links of its own purpose. The links made so far were all for the
-- delivery note.
alter table signing_token add column purpose varchar(30) default 'DELIVERY_NOTE' not null;
alter table signing_token add constraint signing_token_purpose check (purpose in ('DELIVERY_NOTE', 'RECEPTION'));
