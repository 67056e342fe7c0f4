//! The reader's state as the configuration starts it: theme, key map and first order.

use std::sync::Arc;

use crate::config::Config;

use super::app::App;
use super::theme::ColorEnv;

impl App {
    /// A new reader with the configuration's theme (in this colour environment), keys and
    /// order.
    pub fn configured(config: &Config, env: &ColorEnv) -> App {
        let mut app = App::new();
        app.theme = config.theme(env);
        app.keys = Arc::new(config.keys.clone());
        app.sort = config.sort;
        app
    }
}
