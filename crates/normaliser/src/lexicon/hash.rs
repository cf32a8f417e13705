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

/// The two bits of a word's hash in a filter of `bits` bits (a power of
/// two).
#[inline]
pub(crate) fn filter_bits(hash: u64, bits: usize) -> [usize; 2] {
    let mask = bits as u64 - 1;
    [
        ((hash >> 20) & mask) as usize,
        ((hash >> 42) & mask) as usize,
    ]
}
