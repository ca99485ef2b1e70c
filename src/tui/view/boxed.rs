//! A panel's border with its titles: what ratatui's `Block` draws for a
//! plain border, cell for cell, without restyling every cell inside it
//! first (`Block` does that even without a style: a tenth of a keystroke
//! went there). Titles that do not fit beside each other are left to
//! `Block` itself, so the result is always what `Block` would draw.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

/// A border on some sides, a title at the top left, and titles at the
/// bottom left and right.
#[derive(Default)]
pub struct Boxed<'a> {
    borders: Borders,
    top: Option<Line<'a>>,
    bottom_left: Option<Line<'a>>,
    bottom_right: Option<Line<'a>>,
}

impl<'a> Boxed<'a> {
    /// A border on every side (as `Block::bordered`).
    pub fn bordered() -> Self {
        Self::with_borders(Borders::ALL)
    }

    pub fn with_borders(borders: Borders) -> Self {
        Self {
            borders,
            ..Self::default()
        }
    }

    pub fn title(mut self, title: impl Into<Line<'a>>) -> Self {
        self.top = Some(title.into());
        self
    }

    pub fn title_bottom_left(mut self, title: impl Into<Line<'a>>) -> Self {
        self.bottom_left = Some(title.into());
        self
    }

    pub fn title_bottom_right(mut self, title: impl Into<Line<'a>>) -> Self {
        self.bottom_right = Some(title.into());
        self
    }

    /// The area inside the border (as `Block::inner`).
    pub fn inner(&self, area: Rect) -> Rect {
        self.as_block().inner(area)
    }

    fn as_block(&self) -> Block<'a> {
        let mut block = Block::default().borders(self.borders);
        if let Some(title) = &self.top {
            block = block.title(title.clone());
        }
        if let Some(title) = &self.bottom_left {
            block = block.title_bottom(title.clone());
        }
        if let Some(title) = &self.bottom_right {
            block = block.title_bottom(title.clone().right_aligned());
        }
        block
    }

    /// Whether the titles fit beside each other without an alignment of
    /// their own: then each is drawn where `Block` would put it.
    fn titles_fit(&self, room: u16) -> bool {
        let width = |line: &Option<Line>| line.as_ref().map_or(0, Line::width);
        let titles = [&self.top, &self.bottom_left, &self.bottom_right];
        titles
            .iter()
            .all(|title| title.as_ref().is_none_or(|line| line.alignment.is_none()))
            && width(&self.top) <= usize::from(room)
            && width(&self.bottom_left) + 1 + width(&self.bottom_right) <= usize::from(room)
    }
}

impl Widget for Boxed<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let left_border = u16::from(self.borders.contains(Borders::LEFT));
        let right_border = u16::from(self.borders.contains(Borders::RIGHT));
        let room = area.width.saturating_sub(left_border + right_border);
        if !self.titles_fit(room) {
            self.as_block().render(area, buf);
            return;
        }
        draw_border(self.borders, area, buf);
        let titles_x = area.x + left_border;
        if let Some(title) = &self.top {
            draw_title(title, titles_x, area.y, buf);
        }
        let bottom = area.bottom() - 1;
        if let Some(title) = &self.bottom_left {
            draw_title(title, titles_x, bottom, buf);
        }
        if let Some(title) = &self.bottom_right {
            let width = u16::try_from(title.width()).unwrap_or(u16::MAX);
            draw_title(title, titles_x + room - width, bottom, buf);
        }
    }
}

/// The sides first, then the corners over them (as `Block` does).
fn draw_border(borders: Borders, area: Rect, buf: &mut Buffer) {
    let set = border::PLAIN;
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    if borders.contains(Borders::LEFT) {
        for y in top..=bottom {
            buf[(left, y)].set_symbol(set.vertical_left);
        }
    }
    if borders.contains(Borders::TOP) {
        for x in left..=right {
            buf[(x, top)].set_symbol(set.horizontal_top);
        }
    }
    if borders.contains(Borders::RIGHT) {
        for y in top..=bottom {
            buf[(right, y)].set_symbol(set.vertical_right);
        }
    }
    if borders.contains(Borders::BOTTOM) {
        for x in left..=right {
            buf[(x, bottom)].set_symbol(set.horizontal_bottom);
        }
    }
    let corners = [
        (
            Borders::RIGHT | Borders::BOTTOM,
            right,
            bottom,
            set.bottom_right,
        ),
        (Borders::RIGHT | Borders::TOP, right, top, set.top_right),
        (
            Borders::LEFT | Borders::BOTTOM,
            left,
            bottom,
            set.bottom_left,
        ),
        (Borders::LEFT | Borders::TOP, left, top, set.top_left),
    ];
    for (sides, x, y, symbol) in corners {
        if borders.contains(sides) {
            buf[(x, y)].set_symbol(symbol);
        }
    }
}

/// A title from column `x` on, in an area just as wide (as `Block` does).
fn draw_title(title: &Line, x: u16, y: u16, buf: &mut Buffer) {
    let width = u16::try_from(title.width()).unwrap_or(u16::MAX);
    title.render(Rect::new(x, y, width, 1), buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;

    fn both(boxed: impl Fn() -> Boxed<'static>, area: Rect) {
        let canvas = Rect::new(0, 0, 30, 6);
        let mut ours = Buffer::empty(canvas);
        let mut theirs = Buffer::empty(canvas);
        // A styled background, as the screens have under every panel.
        let under = Style::new().bg(Color::Black).fg(Color::White);
        ours.set_style(canvas, under);
        theirs.set_style(canvas, under);
        boxed().render(area, &mut ours);
        boxed().as_block().render(area, &mut theirs);
        assert_eq!(ours, theirs, "{area:?}");
    }

    #[test]
    fn draws_what_a_block_draws() {
        let title = || {
            Line::from(vec![
                Span::styled(" VIS-1 · Visie ", Style::new().add_modifier(Modifier::BOLD)),
                Span::styled("[kritiek] ", Style::new().fg(Color::Red)),
            ])
        };
        let cases: Vec<Box<dyn Fn() -> Boxed<'static>>> = vec![
            Box::new(Boxed::bordered),
            Box::new(move || Boxed::bordered().title(title())),
            Box::new(move || {
                Boxed::bordered()
                    .title(title())
                    .title_bottom_left(Line::styled(" 4:59 ", Style::new().fg(Color::Yellow)))
                    .title_bottom_right(" T1 Thema · 1/22 ")
            }),
            Box::new(|| Boxed::with_borders(Borders::RIGHT).title(Span::raw("Criteria"))),
            Box::new(|| Boxed::with_borders(Borders::LEFT | Borders::BOTTOM).title("é ü")),
            Box::new(|| Boxed::bordered().title("中文 title ⏱ e\u{301}")),
            // Left to Block: a title too long, its own alignment.
            Box::new(|| Boxed::bordered().title("a title far too long for the box here")),
            Box::new(|| Boxed::bordered().title(Line::from("centred").centered())),
            Box::new(|| {
                Boxed::bordered()
                    .title_bottom_left("left part is long")
                    .title_bottom_right("right part")
            }),
        ];
        for boxed in &cases {
            for area in [
                Rect::new(0, 0, 30, 6),
                Rect::new(3, 1, 22, 4),
                Rect::new(0, 0, 30, 1),
                Rect::new(5, 2, 2, 2),
                Rect::new(25, 4, 10, 5),
            ] {
                both(boxed, area);
            }
        }
    }

    #[test]
    fn inner_is_the_blocks_inner() {
        let area = Rect::new(2, 3, 20, 10);
        assert_eq!(
            Boxed::with_borders(Borders::RIGHT).inner(area),
            Block::default().borders(Borders::RIGHT).inner(area)
        );
        assert_eq!(Boxed::bordered().inner(area), Block::bordered().inner(area));
    }
}
