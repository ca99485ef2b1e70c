//! The one gate every piece of input passes before it enters a scan: a loaded
//! file (`storage::decode`), a replayed journal (`storage::recovery`), a
//! paste (`tui::text_edit`) and a command-line text (`cli`) all ask the same
//! questions here, so what one of them accepts the others can never refuse.

use super::conflict::FieldValue;
use super::edit::{AgendaEdit, Edit, EditError, Slot, TextSlot};
use super::{Answer, Framework, Scan};

/// Whether a text may span lines (notes, descriptions) or must stay one line
/// (region, titles, labels, names): a line break in a heading or a prompt
/// would break the Markdown report and let a file overwrite what a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    OneLine,
    Text,
}

/// Characters that must never reach a terminal or a report as they are: C0
/// and C1 controls and DEL (cursor moves, colours, terminal titles), and the
/// invisible format characters that reorder or hide text — bidi marks,
/// embeddings, overrides and isolates, the deprecated shaping controls, the
/// byte-order mark inside text, interlinear annotations (which hide their
/// annotation) and tag characters (which can smuggle hidden ASCII). The
/// zero-width space, joiner and non-joiner and the word joiner stay allowed:
/// they neither reorder nor hide other text, and emoji and several scripts
/// need them.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{180e}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Whether `c` may be stored in a text of this shape. A note keeps its line
/// breaks and tabs (and a carriage return, which a file may hold escaped);
/// a one-line field keeps only tabs.
pub fn allowed(c: char, shape: Shape) -> bool {
    !is_hidden(c) || c == '\t' || (shape == Shape::Text && matches!(c, '\n' | '\r'))
}

/// The first character a text of this shape may not hold.
pub fn first_refused(text: &str, shape: Shape) -> Option<char> {
    find_refused(text, shape, 0).map(|(_, c)| c)
}

/// Whether `byte` can begin the UTF-8 encoding of a character [`allowed`]
/// may refuse (every [`is_hidden`] character, a tab, newline and carriage
/// return included): an ASCII control or DEL, or the lead byte of a hidden
/// character above U+007F — 0xC2 (C1 controls), 0xD8 (U+061C), 0xE1
/// (U+180E), 0xE2 (U+200E–U+206F), 0xEF (U+FEFF, U+FFF9–U+FFFB), 0xF3 (tag
/// characters). No continuation byte (0x80–0xBF) is among them, so a hit is
/// always a character boundary. The test `every_refused_character_starts_
/// with_a_suspect_byte` checks this against [`is_hidden`] for every `char`.
pub const fn may_start_refused(byte: u8) -> bool {
    // `|`, not `||` or `matches!`: no branch and no table, so a block of
    // bytes is checked with a few vector compares.
    (byte < 0x20)
        | (byte == 0x7f)
        | (byte == 0xc2)
        | (byte == 0xd8)
        | (byte == 0xe1)
        | (byte == 0xe2)
        | (byte == 0xef)
        | (byte == 0xf3)
}

/// The byte offset of the first byte at or after `from` that
/// [`may_start_refused`]. Ordinary text (ASCII, accented letters, most
/// scripts) is passed over a block at a time without decoding a character,
/// which keeps loading a 1 MB note to one quick pass over its bytes.
fn next_suspect(bytes: &[u8], from: usize) -> Option<usize> {
    find_byte(bytes, from, may_start_refused)
}

/// The offset of the first byte at or after `from` for which `wanted`
/// holds. The bytes are checked 32 at a time with no early exit inside a
/// block, so a branch-free `wanted` (see [`may_start_refused`]) compiles to
/// a few vector compares per block.
pub fn find_byte(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    const BLOCK: usize = 32;
    let rest = bytes.get(from..)?;
    let mut blocks = rest.chunks_exact(BLOCK);
    let mut start = from;
    for block in &mut blocks {
        if block
            .iter()
            .fold(0u8, |any, &byte| any | u8::from(wanted(byte)))
            != 0
        {
            return block
                .iter()
                .position(|&byte| wanted(byte))
                .map(|offset| start + offset);
        }
        start += BLOCK;
    }
    blocks
        .remainder()
        .iter()
        .position(|&byte| wanted(byte))
        .map(|offset| start + offset)
}

/// The byte offset and character of the first refused character at or
/// after byte `from` (a character boundary): only the characters that start
/// with a suspect byte are decoded and asked [`allowed`].
fn find_refused(text: &str, shape: Shape, from: usize) -> Option<(usize, char)> {
    let mut from = from;
    while let Some(offset) = next_suspect(text.as_bytes(), from) {
        let c = text.get(offset..)?.chars().next()?;
        if !allowed(c, shape) {
            return Some((offset, c));
        }
        from = offset + c.len_utf8();
    }
    None
}

/// How a refused character is shown: `\u{1b}`, the same visible marker the
/// error messages use, so a person can find it and a save writes it as text.
pub fn marker(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// The text with every refused character replaced by its [`marker`], and
/// how many were replaced.
pub fn with_markers(text: &str, shape: Shape) -> (String, usize) {
    match find_refused(text, shape, 0) {
        None => (text.to_owned(), 0),
        Some(first) => marked_from(text, shape, first),
    }
}

/// [`with_markers`] for a text already owned: handed back as it is, without
/// a copy, when it holds nothing to mark (almost always).
pub fn into_marked(text: String, shape: Shape) -> (String, usize) {
    match find_refused(&text, shape, 0) {
        None => (text, 0),
        Some(first) => marked_from(&text, shape, first),
    }
}

/// The marked copy of `text`, whose first refused character is `first`
/// (byte offset, character): the stretches between refused characters are
/// copied whole.
fn marked_from(text: &str, shape: Shape, first: (usize, char)) -> (String, usize) {
    let mut count = 0;
    let mut out = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    let mut found = Some(first);
    while let Some((offset, c)) = found {
        out.push_str(&text[copied..offset]);
        out.push_str(&marker(c));
        count += 1;
        copied = offset + c.len_utf8();
        found = find_refused(text, shape, copied);
    }
    out.push_str(&text[copied..]);
    (out, count)
}

/// Whether a score is a level of the framework's scale (or onbekend / nvt).
pub fn on_scale(framework: &Framework, answer: Answer) -> bool {
    match answer {
        Answer::Score(value) => framework.scale_level(value).is_some(),
        Answer::Unknown | Answer::NotApplicable => true,
    }
}

/// Why an edit may not enter a scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    UnknownCriterion(String),
    UnknownPerspective(String),
    /// A score that is not on the scale.
    NotOnScale(u8),
    /// A control or invisible character, shown as its marker.
    HiddenCharacter(String),
    /// A text change outside the text (or inside a character).
    OutOfRange,
    /// A verdict override without a written rationale.
    EmptyRationale,
    /// The scan would no longer load after this edit (a last safety net
    /// for anything the checks above do not cover).
    Unreadable,
    /// A choice on a merge conflict the scan does not hold (or a value that
    /// does not fit its field).
    NoSuchConflict(String),
}

impl From<EditError> for Rejection {
    fn from(error: EditError) -> Self {
        match error {
            EditError::UnknownCriterion(id) => Rejection::UnknownCriterion(id),
            EditError::UnknownPerspective(id) => Rejection::UnknownPerspective(id),
            EditError::NotOnScale(value) => Rejection::NotOnScale(value),
            // An action that is not there, or a text that has no private mark,
            // is a change outside what the scan holds.
            EditError::OutOfRange | EditError::UnknownAction(_) | EditError::NoPrivateMark => {
                Rejection::OutOfRange
            }
            EditError::NoSuchConflict(field) => Rejection::NoSuchConflict(field),
        }
    }
}

/// Applies an edit only if a file holding its result would load: known
/// criterion and perspective, a score on the scale, text without hidden
/// characters, a rationale for an override. The scan is unchanged on error.
pub fn apply_checked(scan: &mut Scan, edit: &Edit) -> Result<(), Rejection> {
    check(&scan.framework, edit)?;
    edit.apply(scan).map_err(Rejection::from)
}

/// The checks of [`apply_checked`] that do not need the scan's answers.
pub fn check(framework: &Framework, edit: &Edit) -> Result<(), Rejection> {
    let criterion = |id: &str| {
        framework
            .criterion_index(id)
            .map(|_| ())
            .ok_or_else(|| Rejection::UnknownCriterion(id.to_string()))
    };
    let slot = |slot: &Slot| match slot {
        Slot::Consensus => Ok(()),
        Slot::Perspective(id) => framework
            .perspective_index(id)
            .map(|_| ())
            .ok_or_else(|| Rejection::UnknownPerspective(id.to_string())),
    };
    let text_slot = |text: &TextSlot| match text {
        TextSlot::Note(inner) => slot(inner),
        TextSlot::ActionWhat(_) | TextSlot::ActionOwner(_) | TextSlot::AmbitionNeeded => Ok(()),
    };
    let text = |text: &str, shape: Shape| match first_refused(text, shape) {
        Some(c) => Err(Rejection::HiddenCharacter(marker(c))),
        None => Ok(()),
    };
    match edit {
        Edit::Score {
            criterion: id,
            slot: which,
            value,
            ..
        } => {
            criterion(id)?;
            slot(which)?;
            match value {
                Some(answer) if !on_scale(framework, *answer) => {
                    let Answer::Score(number) = answer else {
                        return Err(Rejection::OutOfRange);
                    };
                    Err(Rejection::NotOnScale(*number))
                }
                _ => Ok(()),
            }
        }
        Edit::Agreement { criterion: id, .. } | Edit::Skipped { criterion: id, .. } => {
            criterion(id)
        }
        Edit::Private {
            criterion: id,
            text: which,
            ..
        } => {
            criterion(id)?;
            text_slot(which)
        }
        Edit::Splice {
            criterion: id,
            text: which,
            inserted,
            ..
        } => {
            criterion(id)?;
            text_slot(which)?;
            // An owner is a name: one line, like the names in a file.
            let shape = match which {
                TextSlot::ActionOwner(_) => Shape::OneLine,
                _ => Shape::Text,
            };
            text(inserted, shape)
        }
        Edit::Agenda {
            criterion: id,
            change,
            ..
        } => {
            criterion(id)?;
            match change {
                AgendaEdit::AmbitionLevel(Some(level))
                    if framework.scale_level(*level).is_none() =>
                {
                    Err(Rejection::NotOnScale(*level))
                }
                _ => Ok(()),
            }
        }
        // Many scans: the choice on a merge conflict passes the same checks
        // as the field it fills.
        Edit::Resolve {
            criterion: id,
            field,
            value,
            ..
        } => {
            criterion(id)?;
            if let Some(perspective) = super::conflict::perspective_of(field)
                && framework.perspective_index(perspective).is_none()
            {
                return Err(Rejection::UnknownPerspective(perspective.to_string()));
            }
            match value {
                FieldValue::Answer(Answer::Score(number))
                    if !on_scale(framework, Answer::Score(*number)) =>
                {
                    Err(Rejection::NotOnScale(*number))
                }
                // Notes span lines, as the fields they fill do.
                FieldValue::Text(words) => text(words, Shape::Text),
                FieldValue::Other(_) => Err(Rejection::NoSuchConflict(field.clone())),
                _ => Ok(()),
            }
        }
        Edit::Override(None) => Ok(()),
        Edit::Override(Some(over)) => {
            if over.rationale.trim().is_empty() {
                return Err(Rejection::EmptyRationale);
            }
            text(&over.rationale, Shape::Text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_the_controls_and_invisible_formats() {
        for c in ['\u{1b}', '\u{b}', '\u{c}', '\u{7f}', '\u{85}', '\u{9b}'] {
            assert!(is_hidden(c), "{c:?}");
        }
        for c in [
            '\u{200e}',
            '\u{200f}',
            '\u{061c}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{206a}',
            '\u{fff9}',
            '\u{feff}',
            '\u{e0041}',
        ] {
            assert!(is_hidden(c), "{c:?}");
        }
        for c in [
            'a', 'é', '€', '\u{a0}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{ad}', '😀',
        ] {
            assert!(!is_hidden(c), "{c:?}");
        }
    }

    /// The fast scan may only skip bytes that cannot begin a refused
    /// character: checked for every `char` there is.
    #[test]
    fn every_refused_character_starts_with_a_suspect_byte() {
        let mut buffer = [0u8; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut buffer).as_bytes()[0];
            for shape in [Shape::OneLine, Shape::Text] {
                if !allowed(c, shape) {
                    assert!(may_start_refused(first), "{c:?}");
                }
            }
            if is_hidden(c) {
                assert!(may_start_refused(first), "{c:?}");
            }
        }
    }

    /// What the gate did before the fast scan: every character asked.
    fn plain_with_markers(text: &str, shape: Shape) -> (String, usize) {
        let mut count = 0;
        let mut out = String::new();
        for c in text.chars() {
            if allowed(c, shape) {
                out.push(c);
            } else {
                count += 1;
                out.push_str(&marker(c));
            }
        }
        (out, count)
    }

    /// The fast scan and the plain one agree on texts of every kind, with
    /// the odd character at every place in and around a 32-byte block.
    #[test]
    fn the_fast_scan_answers_what_asking_every_character_gives() {
        let odd = [
            "é",
            "😀",
            "中文",
            "\t",
            "\r\n",
            "\n",
            "€",
            "\u{1b}",
            "\u{85}",
            "\u{202e}",
            "\u{2066}",
            "\u{200b}",
            "\u{feff}",
            "\u{fffa}",
            "\u{e0041}",
            "\u{7f}",
            "\u{180e}",
            "\u{61c}",
            "\u{a0}",
            "’",
            "\u{200d}",
            "\r",
        ];
        let base = "De regio heeft veel geïnvesteerd in samenwerking; ".repeat(3);
        for piece in odd {
            for second in ["", "x", "\u{1b}", "é", "\u{2069}"] {
                for place in 0..70 {
                    let mut text = base.clone();
                    let at = (0..=place.min(text.len()))
                        .rev()
                        .find(|&at| text.is_char_boundary(at))
                        .unwrap_or(0);
                    text.insert_str(at, piece);
                    text.push_str(second);
                    for shape in [Shape::OneLine, Shape::Text] {
                        let plain = plain_with_markers(&text, shape);
                        assert_eq!(with_markers(&text, shape), plain, "{text:?}");
                        assert_eq!(into_marked(text.clone(), shape), plain, "{text:?}");
                        assert_eq!(
                            first_refused(&text, shape),
                            text.chars().find(|&c| !allowed(c, shape)),
                            "{text:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(with_markers("", Shape::Text), (String::new(), 0));
        assert_eq!(
            with_markers("\u{1b}\u{1b}", Shape::Text),
            ("\\u{1b}\\u{1b}".to_string(), 2)
        );
    }

    #[test]
    fn one_line_fields_refuse_line_breaks_that_notes_keep() {
        assert_eq!(first_refused("a\nb", Shape::Text), None);
        assert_eq!(first_refused("a\rb\tc", Shape::Text), None);
        assert_eq!(first_refused("a\rb", Shape::OneLine), Some('\r'));
        assert_eq!(first_refused("a\nb", Shape::OneLine), Some('\n'));
        assert_eq!(first_refused("a\tb", Shape::OneLine), None);
        assert_eq!(first_refused("x\u{200f}y", Shape::Text), Some('\u{200f}'));
        assert_eq!(
            with_markers("a\u{1b}[2Jb\rc", Shape::OneLine),
            ("a\\u{1b}[2Jb\\u{d}c".to_string(), 2)
        );
    }
}
