//! Frames drawn one after another against frames drawn afresh: what the view
//! keeps from one frame to the next (per thread) must never show.

/// Presses each step's keys on an app made by `start` and draws it at the
/// step's width, frame after frame, so what the view keeps between frames is
/// used; each frame must be what drawing afresh gives, on a thread of its
/// own (where nothing was kept) after the same keys.
pub fn drawn_step_by_step_as_afresh<A, F>(
    start: impl Fn() -> A + Sync,
    steps: &[(&str, u16)],
    press: impl Fn(&mut A, &str) + Sync,
    draw: impl Fn(&mut A, u16) -> F + Sync,
) where
    F: PartialEq + std::fmt::Debug + Send,
{
    let mut app = start();
    if let Some((_, width)) = steps.first() {
        draw(&mut app, *width);
    }
    for (step, (keys, width)) in steps.iter().enumerate() {
        press(&mut app, keys);
        let drawn = draw(&mut app, *width);
        let afresh = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let mut app = start();
                    for (keys, _) in &steps[..=step] {
                        press(&mut app, keys);
                    }
                    draw(&mut app, *width)
                })
                .join()
                .expect("drawn")
        });
        assert_eq!(drawn, afresh, "step {step}: {keys}");
    }
}
