-- Embedding doubles: each feature vector's embedding as packed little-endian float64, next to its JSON text.
--
-- feature_vectors.embedding stays the JSON array the seed and the v1 clients write. Reading it means parsing
-- text: for a 10,000-row Parquet export at 384 dimensions, 3.84 million numbers, a third of the export's time.
-- The app writes this copy in the same transaction as the vector (lib/features/embedding-doubles.ts), parsed
-- by the reader the export would use, so the Parquet writer copies bytes where it parsed text and the two paths
-- give the same file. SQL cannot compute the copy: a vector written by another tool has none until
-- `npm run db:migrate` fills it, and until then it is read from its JSON. Changing an embedding drops its copy
-- (trigger below); deleting the vector deletes it (ON DELETE CASCADE). The cost is 8 bytes per dimension,
-- about the size of the JSON text itself.
CREATE TABLE embedding_doubles (
    feature_vector_id TEXT PRIMARY KEY NOT NULL REFERENCES feature_vectors(id) ON DELETE CASCADE,
    doubles BLOB NOT NULL CHECK (typeof(doubles) = 'blob' AND length(doubles) % 8 = 0)
);

CREATE TRIGGER trg_embedding_doubles_stale
AFTER UPDATE OF embedding ON feature_vectors
WHEN OLD.embedding IS NOT NEW.embedding
BEGIN
    DELETE FROM embedding_doubles WHERE feature_vector_id = NEW.id;
END;
