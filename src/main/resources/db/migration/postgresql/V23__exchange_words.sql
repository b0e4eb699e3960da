-- The quick search finds exchanges by the words of their subject and details (README, Performance). The trigram
-- indexes of V11 stay for the exchange list's substring filter. With like '%word%' PostgreSQL could not estimate
-- how many exchanges hold a word (it guessed ~200 for every word), so for a common word it fetched and sorted all
-- of its thousands of matches to show the newest ten. A tsvector has real word statistics: for a common word the
-- planner walks communication_starts_idx from the newest and stops at ten, for a rare one it uses this GIN index.
-- 'simple': lower case, no stemming, no stop words, so any word a person typed (a name, a reference) is found.
alter table communication add column search_words tsvector generated always as
    (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(details, ''))) stored;
create index communication_words_idx on communication using gin (search_words);
-- ten times the default, so the statistics hold the frequency of every word in common use, not only the top 1,000
alter table communication alter column search_words set statistics 1000;
