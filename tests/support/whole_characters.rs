//! Feeding a terminal parser whole characters. Shared by the tests'
//! pseudo-terminal harness and the figures benchmark (`#[path]`).

/// How many bytes at the end of `bytes` begin a UTF-8 character that is
/// not complete yet. vt100's parser (vte 0.15, alacritty/vte#159) loses a
/// character when a read ends inside a two-byte one and a multi-byte one
/// follows soon after; a terminal reading whole characters never sees that.
pub fn cut_off_character(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let byte = bytes[bytes.len() - back];
        if byte & 0xC0 == 0x80 {
            continue;
        }
        let length = match byte {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if length > back { back } else { 0 };
    }
    0
}
