//! Text drawn row by row, never wrapped: what `Paragraph` draws for text
//! that needs no wrapping, cell for cell, but cut into graphemes the fast
//! way ([`crate::tui::graphemes`]) instead of by the full rules for every
//! character. Segmenting every label, list row and note row on every frame
//! was about a third of what a keystroke cost. Accents, emoji and wide
//! characters look exactly as they did.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::screen::kept;

/// A drop-in for `Paragraph::new(text).style(style)` without wrap, scroll
/// or block: every line on its own row, cut where the area ends.
pub struct Rows<'a> {
    text: Text<'a>,
    style: Style,
    on_base: OnBase,
    /// The set the lines were made as, and the first line's place in it
    /// ([`Rows::kept_as`]).
    made_as: Option<(u64, usize)>,
}

/// Whether the rows are drawn on the frame's base, and what is told of them
/// (`screen/kept.rs`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnBase {
    /// Maybe not: nothing is told.
    No,
    /// Yes: where each row ends, the rest is told to be left blank.
    Blanks,
    /// Yes, and each row may be kept from the frame on screen.
    Kept,
}

impl<'a> Rows<'a> {
    pub fn new(text: impl Into<Text<'a>>) -> Self {
        Self {
            text: text.into(),
            style: Style::default(),
            on_base: OnBase::No,
            made_as: None,
        }
    }

    /// Rows drawn on the frame's base (nothing is drawn under them earlier
    /// in the frame): a row drawn the same way at the same place in the
    /// frame on screen is copied from it (`screen/kept.rs`; the tests check
    /// the promise), and what a row leaves blank is told.
    pub fn kept(mut self) -> Self {
        self.on_base = OnBase::Kept;
        self
    }

    /// [`Rows::kept`] for lines made once, as a set that no other set of
    /// lines is ever numbered as (`set`), line `i` being the set's line
    /// `first + i`: a row's key is that name and its styles, not its text
    /// (the outcome screen's rows, made once for a state of the scan:
    /// writing their text down cost about 10 µs a frame).
    pub fn kept_as(mut self, set: u64, first: usize) -> Self {
        self.on_base = OnBase::Kept;
        self.made_as = Some((set, first));
        self
    }

    /// Rows drawn on the frame's base, not kept: where each ends, the rest
    /// of the row is told to be left blank (`kept::blank`), and where the
    /// frame on screen left it blank too it is not compared.
    pub fn on_base(mut self) -> Self {
        self.on_base = OnBase::Blanks;
        self
    }

    /// The style of the whole area, under the text (as `Paragraph::style`).
    pub fn style(mut self, style: impl Into<Style>) -> Self {
        self.style = style.into();
        self
    }
}

impl Widget for Rows<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let centred_or_right = |line: &Line| {
            !matches!(
                line.alignment.or(self.text.alignment),
                None | Some(Alignment::Left)
            )
        };
        if self.text.lines.iter().any(centred_or_right) {
            // Rare (a centred heading): ratatui places those itself.
            kept::drawn_over(buf, area);
            Paragraph::new(self.text)
                .style(self.style)
                .render(area, buf);
            return;
        }
        match self.on_base {
            OnBase::Kept => return self.render_kept(area, buf),
            OnBase::Blanks if self.style == Style::default() => {
                return self.render_on_base(area, buf);
            }
            OnBase::Blanks | OnBase::No => {}
        }
        kept::drawn_over(buf, area);
        if self.style != Style::default() {
            crate::tui::text_edit::for_each_cell(buf, area, |cell| {
                cell.set_style(self.style);
            });
        }
        for (line, y) in self.text.lines.iter().zip(area.top()..area.bottom()) {
            draw_line(buf, area.x, y, area.width, line, self.text.style);
        }
    }
}

impl Rows<'_> {
    /// Row by row, what each leaves blank told.
    fn render_on_base(self, area: Rect, buf: &mut Buffer) {
        kept::drawn_over(buf, area);
        let mut lines = self.text.lines.iter();
        for y in area.top()..area.bottom() {
            let drawn = lines.next().map_or(0, |line| {
                draw_line(buf, area.x, y, area.width, line, self.text.style)
            });
            kept::blank(
                buf,
                Rect::new(area.x + drawn, y, area.width.saturating_sub(drawn), 1),
            );
        }
    }

    /// Row by row, each kept when it can be: what the row shows is its line
    /// (none below the last), its styles and its width.
    fn render_kept(self, area: Rect, buf: &mut Buffer) {
        let styled = self.style != Style::default();
        let mut lines = self.text.lines.iter();
        for (index, y) in (area.top()..area.bottom()).enumerate() {
            let line = lines.next();
            let place = Rect::new(area.x, y, area.width, 1);
            if line.is_none() && !styled {
                // Nothing drawn on this row.
                kept::blank(buf, place);
                continue;
            }
            let key = |key: &mut kept::Key| {
                key.style(self.style);
                key.style(self.text.style);
                if let Some(line) = line {
                    key.style(line.style);
                    if let Some((set, first)) = self.made_as {
                        key.name(set);
                        key.name(u64::try_from(first + index).unwrap_or(u64::MAX));
                        for span in &line.spans {
                            key.style(span.style);
                        }
                    } else {
                        for span in &line.spans {
                            key.span(span.style, &span.content);
                        }
                    }
                }
            };
            kept::row(buf, place, key, |buf| {
                if styled {
                    crate::tui::text_edit::for_each_cell(buf, place, |cell| {
                        cell.set_style(self.style);
                    });
                }
                let drawn = line.map_or(0, |line| {
                    draw_line(buf, area.x, y, area.width, line, self.text.style)
                });
                // A style under the whole row leaves nothing blank.
                if styled { area.width } else { drawn }
            });
        }
    }
}

/// One line from column `x` on, at most `width` columns: the graphemes that
/// fit, in order, stopping at the first that does not (as ratatui's
/// `LineTruncator` does). Gives how many columns it drew on (the rest of
/// the row is as it was).
fn draw_line(buf: &mut Buffer, x: u16, y: u16, width: u16, line: &Line, base: Style) -> u16 {
    let start = buf.index_of(x, y);
    let row = &mut buf.content[start..start + usize::from(width)];
    let line_style = base.patch(line.style);
    let mut used: u16 = 0;
    // A grapheme's width in cells, as ratatui's buffer counts it.
    let mut widths = crate::tui::graphemes::Widths::default();
    for span in &line.spans {
        let style = line_style.patch(span.style);
        let text = span.content.as_ref();
        let mut at = 0;
        while at < text.len() {
            if let Some(one) = lone_ascii(text, at) {
                // The common case: one column, no grapheme rules.
                if !place(width, &mut used, 1) {
                    return used;
                }
                let cell = &mut row[usize::from(used - 1)];
                // A blank cell already shows a space.
                if one != " " || cell.symbol() != " " {
                    cell.set_symbol(one);
                }
                cell.set_style(style);
                at += 1;
                continue;
            }
            if let Some(one) = crate::tui::graphemes::lone_narrow(&text[at..]) {
                // Bars, box drawing, accents: one column, no rules either.
                if !place(width, &mut used, 1) {
                    return used;
                }
                row[usize::from(used - 1)].set_symbol(one).set_style(style);
                at += one.len();
                continue;
            }
            let Some((_, grapheme)) = crate::tui::graphemes::graphemes(&text[at..]).next() else {
                break;
            };
            at += grapheme.len();
            if grapheme.contains(char::is_control) {
                continue;
            }
            let columns = widths.of(grapheme);
            if !place(width, &mut used, columns) {
                return used;
            }
            if columns > 0 && columns <= width {
                row[usize::from(used - columns)]
                    .set_symbol(grapheme)
                    .set_style(style);
            }
        }
    }
    used
}

/// The printable ASCII character at byte `at`, when it is a grapheme by
/// itself: what follows is ASCII too (no mark can join it) or the span ends
/// (ratatui cuts graphemes span by span).
fn lone_ascii(text: &str, at: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let printable = (b' '..=b'~').contains(bytes.get(at)?);
    let alone = bytes.get(at + 1).is_none_or(u8::is_ascii);
    (printable && alone).then(|| text.get(at..=at)).flatten()
}

/// Makes room for a grapheme `columns` wide as ratatui does: one wider than
/// the whole row is left out, one that does not fit ends the row (`false`).
fn place(width: u16, used: &mut u16, columns: u16) -> bool {
    if columns > width {
        return true;
    }
    if *used + columns > width {
        return false;
    }
    *used += columns;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    /// What ratatui's `Paragraph` draws, for comparison.
    fn paragraph(text: Text<'static>, style: Style, area: Rect) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 4));
        Paragraph::new(text).style(style).render(area, &mut buffer);
        buffer
    }

    fn rows(text: Text<'static>, style: Style, area: Rect) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 4));
        Rows::new(text).style(style).render(area, &mut buffer);
        buffer
    }

    #[test]
    fn draws_what_a_paragraph_draws() {
        let texts: Vec<Text<'static>> = vec![
            Text::from("plain ascii that is too long"),
            Text::from("één · twee\ndrie"),
            Text::from("wide 中文字 cut"),
            Text::from("emoji 👩‍👩‍👧 family"),
            Text::from("tab\there\u{7}bell"),
            Text::from("e\u{301}e\u{301} combining"),
            Text::from("\u{600}1 prepend 🇳🇱🇳 flags a\u{200d}b"),
            Text::from("zero\u{200b}width"),
            Text::from("a\nb\nc\nd\ne\nf"),
            Text::from(""),
            Text::from(vec![
                Line::from(vec![
                    Span::styled("red ", Style::new().fg(Color::Red)),
                    Span::styled("bold", Style::new().add_modifier(Modifier::BOLD)),
                    Span::raw(" ü"),
                ])
                .style(Style::new().bg(Color::Blue)),
                Line::styled("line style", Style::new().fg(Color::Green)),
            ]),
            Text::from(Line::from("centred").centered()),
            Text::from("中中中中中中中中"),
        ];
        let style = Style::new().fg(Color::Yellow).bg(Color::Black);
        for area in [
            Rect::new(0, 0, 12, 4),
            Rect::new(2, 1, 7, 2),
            Rect::new(0, 0, 1, 1),
        ] {
            for text in &texts {
                assert_eq!(
                    rows(text.clone(), style, area),
                    paragraph(text.clone(), style, area),
                    "{text:?} in {area:?}"
                );
            }
        }
    }

    #[test]
    fn an_area_outside_the_buffer_draws_nothing() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
        Rows::new("text").render(Rect::new(10, 10, 4, 1), &mut buffer);
        assert_eq!(buffer, Buffer::empty(Rect::new(0, 0, 4, 1)));
    }

    proptest::proptest! {
        #[test]
        fn any_text_draws_what_a_paragraph_draws(
            text in "[a-z ~\\t\\n\u{7}\u{301}\u{200b}éü·中👩\u{200d}\u{FF9E}\u{600}\u{1F1F3}\u{1F1F1}\\r\u{AD}•–’…─▶▏↓‼©\u{FE0F}ÿ\u{24F}\u{250}\u{2028}\u{205F}]{0,60}",
            width in 1_u16..12,
        ) {
            let area = Rect::new(0, 0, width, 4);
            let style = Style::new().fg(Color::Yellow);
            proptest::prop_assert_eq!(
                rows(Text::from(text.clone()), style, area),
                paragraph(Text::from(text), style, area)
            );
        }
    }
}
