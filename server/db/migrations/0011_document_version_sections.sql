-- A version keeps its own section titles (issue 5): document_versions.sections is the template's
-- sections as they stood when the draft was last saved ([{ id, label: { sv, nb, en } }], in order),
-- never changed once the version is published, so renaming or removing a template section no longer
-- rewrites how a published version reads. Versions saved before this get their document's current
-- template's sections, those their content has (a section added to the template since was never in it;
-- one removed since has no title to give).
ALTER TABLE "document_versions" ADD COLUMN "sections" jsonb;--> statement-breakpoint
UPDATE document_versions v SET sections = coalesce((
  SELECT jsonb_agg(jsonb_build_object('id', s.elem->'id', 'label', s.elem->'title') ORDER BY s.ord)
    FROM documents d
    JOIN document_templates t ON t.id = d.template_id
    CROSS JOIN LATERAL jsonb_array_elements(t.sections) WITH ORDINALITY AS s(elem, ord)
   WHERE d.id = v.document_id
     AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.content) c WHERE c->>'sectionId' = s.elem->>'id')
), '[]'::jsonb);--> statement-breakpoint
ALTER TABLE "document_versions" ALTER COLUMN "sections" SET NOT NULL;
