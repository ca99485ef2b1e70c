//! The overview screen: moving through the rows of a group, switching the
//! view (table, heatmap, spread) and the group (framework and version).

use super::*;
use crate::tui::app::OverviewView;

/// How many rows the current view of the current group has.
fn row_count(screen: &crate::tui::app::OverviewScreen) -> usize {
    screen
        .overview
        .groups
        .get(screen.group)
        .map_or(0, |group| match screen.view {
            OverviewView::Rows | OverviewView::Heatmap => group.rows.len(),
            OverviewView::Spread => group.spreads.len(),
        })
}

pub(super) fn update_overview(app: &mut App, action: Action) -> Option<Effect> {
    let page = usize::from(app.size.1.saturating_sub(8)).max(1);
    let Screen::Overview(screen) = &mut app.screen else {
        return None;
    };
    let last = row_count(screen).saturating_sub(1);
    match action {
        Action::Up => screen.selected = screen.selected.saturating_sub(1),
        Action::Down => screen.selected = (screen.selected + 1).min(last),
        Action::PageUp => screen.selected = screen.selected.saturating_sub(page),
        Action::PageDown => screen.selected = (screen.selected + page).min(last),
        Action::NextField => {
            screen.view = match screen.view {
                OverviewView::Rows => OverviewView::Heatmap,
                OverviewView::Heatmap => OverviewView::Spread,
                OverviewView::Spread => OverviewView::Rows,
            };
            screen.selected = 0;
        }
        Action::ChoiceNext | Action::ChoicePrev => {
            let groups = screen.overview.groups.len().max(1);
            screen.group = if action == Action::ChoiceNext {
                (screen.group + 1) % groups
            } else {
                (screen.group + groups - 1) % groups
            };
            screen.selected = 0;
        }
        Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Quit | Action::Back => app.should_quit = true,
        _ => {}
    }
    None
}
