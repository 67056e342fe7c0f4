//! The reader without threads or a terminal: actions go through `update` and every effect is
//! carried out at once against a catalog. Tests drive the reader with it, key by key.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::App;
use super::backend::Catalog;
use super::effect::Effect;
use super::event;
use super::reading::Restore;
use super::update::update;
use super::worker::perform;

pub struct Harness {
    pub app: App,
    pub catalog: Arc<dyn Catalog>,
    /// Every effect `update` asked for, in order.
    pub effects: Vec<Effect>,
}

impl Harness {
    /// A reader of `width`×`height` whose catalog has just opened.
    pub fn new(catalog: Arc<dyn Catalog>, width: u16, height: u16) -> Harness {
        Harness::with_app(App::new(), catalog, width, height)
    }

    /// The same, starting from a given state (a configured reader).
    pub fn with_app(app: App, catalog: Arc<dyn Catalog>, width: u16, height: u16) -> Harness {
        Harness::build(app, catalog, width, height, Restore::default())
    }

    /// [`Harness::new`], starting from a saved reading state.
    pub fn restored(
        catalog: Arc<dyn Catalog>,
        width: u16,
        height: u16,
        restore: Restore,
    ) -> Harness {
        Harness::build(App::new(), catalog, width, height, restore)
    }

    fn build(
        app: App,
        catalog: Arc<dyn Catalog>,
        width: u16,
        height: u16,
        restore: Restore,
    ) -> Harness {
        let mut h = Harness {
            app,
            catalog,
            effects: Vec::new(),
        };
        h.send(Action::Restore(Box::new(restore)));
        h.send(Action::Resize { width, height });
        let (articles, sorts) = (h.catalog.len(), h.catalog.sorts());
        h.send(Action::Ready {
            articles,
            skipped: Vec::new(),
            sorts,
            missing: Vec::new(),
            news: Default::default(),
        });
        h
    }

    /// Applies an action and carries out whatever follows from it.
    pub fn send(&mut self, action: Action) {
        let mut queue = vec![action];
        while let Some(a) = queue.pop() {
            for effect in update(&mut self.app, a) {
                self.effects.push(effect.clone());
                if let Some(next) = perform(&*self.catalog, &effect) {
                    queue.insert(0, next);
                }
            }
        }
    }

    /// Presses a key (ignored when it means nothing here).
    pub fn key(&mut self, code: KeyCode, mods: KeyModifiers) {
        if let Some(a) = event::key_action(&self.app, &KeyEvent::new(code, mods)) {
            self.send(a);
        }
    }

    pub fn press(&mut self, code: KeyCode) {
        self.key(code, KeyModifiers::NONE);
    }

    /// Types each character as a key press.
    pub fn type_str(&mut self, s: &str) {
        for c in s.chars() {
            self.press(KeyCode::Char(c));
        }
    }
}
