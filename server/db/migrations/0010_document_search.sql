-- Full-text search of documents (issue 5): documents.search_text is the title and the plain text of
-- the current published version (every `text` string of its JSON nodes, decision 0006), kept by this
-- trigger whenever the title or the current version changes; before the first publication it is the
-- title alone, so a draft's words are never found. search_config is the owner's language at creation.
-- The generated column documents.search (to_tsvector(search_config, search_text)) follows.
CREATE OR REPLACE FUNCTION documents_keep_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.search_config := coalesce(
      (SELECT CASE p.language WHEN 'nb' THEN 'norwegian' WHEN 'en' THEN 'english' ELSE 'swedish' END
         FROM people p WHERE p.id = NEW.owner_id),
      'swedish')::regconfig;
  END IF;
  NEW.search_text := NEW.title || coalesce(E'\n' || (
    SELECT string_agg(t.value #>> '{}', ' ' ORDER BY t.n)
      FROM document_versions v,
           jsonb_path_query(v.content, 'strict $.**.text') WITH ORDINALITY AS t(value, n)
     WHERE v.id = NEW.current_version_id AND jsonb_typeof(t.value) = 'string'), '');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER documents_search_text BEFORE INSERT OR UPDATE OF title, current_version_id ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_keep_search_text();
--> statement-breakpoint
UPDATE documents d SET
  search_config = (SELECT CASE p.language WHEN 'nb' THEN 'norwegian' WHEN 'en' THEN 'english' ELSE 'swedish' END
                     FROM people p WHERE p.id = d.owner_id)::regconfig,
  title = d.title;
