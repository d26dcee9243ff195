/**
 * The on-disk {@link io.github.s2spring.embedded.storage.Journal}: append-only,
 * checksummed segment files written by one group-committing writer thread.
 *
 * <h2>Directory</h2> A journal directory holds a lock file {@code journal.lock} (held
 * with an exclusive OS file lock while a journal is open) and segment files named
 * {@code journal-NNNNNNNNNNNNNNNNNNNN.seg} (the segment number in 20 decimal digits,
 * starting at 0). Segments are read in number order; the writer appends to the last one
 * and starts a new one once the next entry would take it past its size limit (64 MiB by
 * default). Other files are ignored.
 *
 * <h2>Segment file</h2> A segment starts with an 8-byte header: the magic {@code S2JL}
 * (ASCII) followed by the format version as a big-endian 32-bit integer (currently 1).
 * Entries follow back to back, each framed as: <pre>
 * offset 0      payload length n, unsigned 32-bit big-endian (at most 16 MiB)
 * offset 4      entry type, one byte
 * offset 5      payload, n bytes
 * offset 5 + n  CRC32C of bytes [0, 5 + n), 32-bit big-endian
 * </pre>
 *
 * <h2>Payloads</h2> Fields are written in the order of the record's components, without
 * names or tags. A string is its UTF-8 bytes preceded by their count; a byte array is its
 * bytes preceded by their count; counts are unsigned LEB128 varints (7 bits a byte, low
 * bits first); a {@code long} is 8 bytes big-endian. The types are: <pre>
 * 1 BasinPut            basin:string, configJson:bytes, createdAtMillis:long
 * 2 BasinDeleted        basin:string
 * 3 StreamPut           basin:string, stream:string, configJson:bytes, createdAtMillis:long
 * 4 StreamDeleted       basin:string, stream:string
 * 5 RecordsAppended     basin:string, stream:string, readBatch:bytes
 * 6 AccessTokenIssued   id:string, secretHash:bytes, infoJson:bytes
 * 7 AccessTokenRevoked  id:string
 * </pre>
 *
 * <h2>Recovery</h2> Replay reads the segments in order and checks every entry: a length
 * beyond the limit or beyond the end of the file, or a checksum that does not match,
 * marks a torn write (or corruption). The segment is truncated at the start of that
 * entry, every later segment is deleted, and appends continue from there. An entry whose
 * checksum matches but whose type or payload cannot be read was written by a different
 * format version and fails replay instead of being cut.
 */
@NullMarked
package io.github.s2spring.embedded.storage.file;

import org.jspecify.annotations.NullMarked;
