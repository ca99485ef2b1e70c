//! Which characters may enter a note. Notes come from keyboards and from
//! pastes out of e-mails, PDFs and web pages; terminal control sequences and
//! bidi overrides from such sources must never end up in a saved note, where
//! they could garble the screen or disguise text in a report.

/// True for characters that are never stored in a note: C0 controls other
/// than newline and tab, DEL, C1 controls, and the invisible format
/// characters (bidi marks, embeddings, overrides, isolates, ...). Asked of
/// the same gate a replayed journal passes, so what is typed here can never
/// be refused on recovery.
pub(super) fn is_forbidden(c: char) -> bool {
    c == '\r' || !crate::model::gate::allowed(c, crate::model::gate::Shape::Text)
}

/// Returns the pasted text as it may be stored: `\r\n` and lone `\r` become
/// `\n` (pastes from Windows and old Mac sources), forbidden characters are
/// dropped.
pub fn sanitize_paste(pasted: &str) -> String {
    let mut clean = String::with_capacity(pasted.len());
    let mut chars = pasted.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            // A `\r\n` pair is one line break, so the `\n` is consumed here.
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            clean.push('\n');
        } else if !is_forbidden(c) {
            clean.push(c);
        }
    }
    clean
}
