-- Name search: any two-or-more-character part of a name, served by an index. A trigram index
-- (pg_trgm) cannot serve the two-character queries that most Chinese names need, so the names'
-- character pairs (lower-cased) are indexed instead: `name_grams(name) @> name_grams(q)` finds
-- the candidates, `name ILIKE '%q%'` confirms them. Names are stored in clear today; if they are
-- ever encrypted, this index becomes a keyed (HMAC) blind index of the same pairs.
CREATE FUNCTION name_grams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(name), i, 2)), '{}')
  FROM generate_series(1, greatest(char_length(name) - 1, 1)) AS i
$$;--> statement-breakpoint
CREATE INDEX "volunteers_name_grams_idx" ON "volunteers" USING gin (name_grams("name"));
