//! The crash harness's random keystrokes, shared with `tests/frames_shown.rs`,
//! which replays its rounds in process: one generator, so a replay stays a
//! replay when the harness changes.

use super::pty::Key;

/// A small xorshift64* generator: deterministic per seed, no crate needed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// What the harness types: Dutch letters with accents, a euro sign, spaces.
pub const ALPHABET: &[char] = &[
    'a', 'b', 'd', 'e', 'g', 'i', 'j', 'k', 'l', 'n', 'o', 'r', 's', 't', 'u', 'v', 'z', 'é', 'ë',
    'ï', '€', ' ', ' ', 'E', 'Z',
];

/// One key a person presses while typing a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Char(char),
    Newline,
    Backspace,
}

impl Stroke {
    pub fn bytes(self) -> Vec<u8> {
        match self {
            Stroke::Char(c) => c.to_string().into_bytes(),
            Stroke::Newline => Key::Enter.bytes(),
            Stroke::Backspace => Key::Backspace.bytes(),
        }
    }

    pub fn apply(self, text: &mut String) {
        match self {
            Stroke::Char(c) => text.push(c),
            Stroke::Newline => text.push('\n'),
            Stroke::Backspace => {
                text.pop();
            }
        }
    }
}

/// A random keystroke that keeps the note small (at most three lines of 22
/// characters), so it never wraps or scrolls and the screen shows all of it.
pub fn random_stroke(rng: &mut Rng, text: &str) -> Stroke {
    let lines = text.split('\n').count();
    let last_line = text.rsplit('\n').next().unwrap_or("").chars().count();
    let roll = rng.below(100);
    if !text.is_empty() && (roll < 15 || text.chars().count() > 50) {
        Stroke::Backspace
    } else if roll < 22 && lines < 3 {
        Stroke::Newline
    } else if last_line >= 22 {
        if lines < 3 {
            Stroke::Newline
        } else {
            Stroke::Backspace
        }
    } else {
        Stroke::Char(ALPHABET[rng.below(ALPHABET.len())])
    }
}
