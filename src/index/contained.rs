//! Running tantivy code that may panic on damaged files, as an error instead.
//!
//! Some damage (a block index of the document store, say) makes tantivy panic rather than
//! return an error. Such a panic is caught and reported as damage, and it must not reach
//! the panic hooks: the default one prints a backtrace hint on stderr, and the reader's give
//! the terminal back as if the program were ending. A hook installed on first use stays
//! silent for panics on a thread inside [`contained`] (it logs them) and passes the others
//! to the hooks before it. The reader's hook, which may be set after it, asks
//! [`panic_is_contained`] first.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Whether a panic happening now on this thread is inside [`contained`] (for panic hooks).
pub fn panic_is_contained() -> bool {
    CONTAINED.with(Cell::get)
}

/// Runs `f`; a panic inside it is returned as `Err` with its message, not shown.
pub fn contained<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if panic_is_contained() {
                tracing::warn!("contained a panic: {info}");
            } else {
                previous(info);
            }
        }));
    });
    let outer = CONTAINED.with(|c| c.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(outer));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

/// [`contained`] for tantivy calls: a panic inside becomes a data-corruption error, so it
/// takes the same way as the damage tantivy reports itself.
pub(crate) fn contained_read<R>(
    what: &str,
    f: impl FnOnce() -> tantivy::Result<R>,
) -> tantivy::Result<R> {
    contained(f).unwrap_or_else(|why| {
        Err(tantivy::TantivyError::DataCorruption(
            tantivy::error::DataCorruption::comment_only(format!("{what} does not read ({why})")),
        ))
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_panic_inside_becomes_an_error() {
        assert_eq!(contained(|| 7), Ok(7));
        let err = contained(|| -> u8 { panic!("damaged block") }).unwrap_err();
        assert!(err.contains("damaged block"), "{err}");
        // Still usable afterwards, and panics outside are not affected by it.
        assert_eq!(contained(|| "ok"), Ok("ok"));
        assert!(std::thread::spawn(|| panic!("outside")).join().is_err());
    }

    #[test]
    fn a_panic_inside_a_read_is_data_corruption() {
        assert_eq!(contained_read("the store", || Ok(3)).unwrap(), 3);
        let err = contained_read("the store", || -> tantivy::Result<u8> {
            panic!("offset underflow")
        })
        .unwrap_err();
        assert!(
            matches!(err, tantivy::TantivyError::DataCorruption(_)),
            "{err:?}"
        );
        assert!(err.to_string().contains("the store does not read"), "{err}");
        assert!(err.to_string().contains("offset underflow"), "{err}");
    }
}
