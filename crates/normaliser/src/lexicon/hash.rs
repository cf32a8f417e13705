//! The hash of the word tables, shared by the build script (which lays the
//! tables out) and the lexicon (which looks words up in them).

/// A fast, deterministic hash of a word's bytes (FxHash's multiply-rotate
/// over eight-byte chunks, with the length mixed in).
pub(crate) fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    for (slot, byte) in tail.iter_mut().zip(chunks.remainder()) {
        *slot = *byte;
    }
    hash = (hash.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // A final mix (MurmurHash3's), so that every bit depends on every byte.
    hash = (hash ^ (hash >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ (hash >> 33)
}

/// Three characters packed into one number (`None` for shorter text): the
/// key of a word's first or last three letters.
pub(crate) fn edge_key(mut chars: impl Iterator<Item = char>) -> Option<u64> {
    let a = u64::from(u32::from(chars.next()?));
    let b = u64::from(u32::from(chars.next()?));
    let c = u64::from(u32::from(chars.next()?));
    Some(a << 42 | b << 21 | c)
}

/// Words of an edge bitmap: one bit for each key of three characters
/// `a`..=`\u{80}` (five bits each).
pub(crate) const EDGE_BITMAP_WORDS: usize = (1 << 15) / 64;

/// The bit of an [`edge_key`] in an edge bitmap, if its three characters
/// are between `a` and `\u{80}` (lower-case letters; other keys are looked
/// up in a sorted list). One subtraction tests the three: a character below
/// `a` leaves high bits in its field.
#[inline]
pub(crate) fn edge_bit(key: u64) -> Option<usize> {
    const A: u64 = (b'a' as u64) << 42 | (b'a' as u64) << 21 | b'a' as u64;
    const LOW: u64 = 31 << 42 | 31 << 21 | 31;
    let d = key.wrapping_sub(A);
    if d & !LOW != 0 {
        return None;
    }
    Some((d >> 32 | d >> 16 | d) as usize & 0x7fff)
}

/// Whether `bitmap` holds `bit` (an [`edge_bit`]).
#[inline]
pub(crate) fn has_bit(bitmap: &[u64], bit: usize) -> bool {
    bitmap
        .get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

/// The two bits of a word's hash in a filter of `bits` bits (a power of
/// two, 64 or more): both in one word of the filter, so that a lookup
/// reads one cache line of it.
#[inline]
pub(crate) fn filter_bits(hash: u64, bits: usize) -> [usize; 2] {
    let word = (hash >> 20) & (bits as u64 - 1) & !63;
    [
        (word | ((hash >> 42) & 63)) as usize,
        (word | ((hash >> 50) & 63)) as usize,
    ]
}
