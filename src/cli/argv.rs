//! The process arguments, read into a [`Cli`]: query words that start with `-`, and clap's
//! errors as one line.
//!
//! `chanjiao search 无人机 -成都` excludes 成都 (README, query syntax), but clap takes `-成都`
//! for a cluster of short options and stops. Setting `allow_hyphen_values` on the query does
//! not help: once the query has a word, clap then takes every later argument as a query word
//! too, `--limit 20` and `--json` included. So before clap sees them, the words of a command
//! with a query (`search`, `export`) that start with a single `-` and cannot be that
//! command's short options (`-成都`, `-robots`, `-2025`, but not `-h` or `-o FILE`) have
//! their `-` replaced by [`MARK`]; the mark is turned back into `-` in the parsed query.

use std::ffi::OsString;

use clap::{Arg, ArgMatches, Command, CommandFactory, FromArgMatches};

use crate::cli::args::{Cli, Command as Sub};

/// Stands for a query word's leading `-` while clap parses: a private-use character, which
/// no one types and clap treats as any other letter.
const MARK: char = '\u{E000}';

/// The commands whose plain words are a query.
const WITH_QUERY: [&str; 2] = ["search", "export"];

/// A command line clap refused, with the command it was for (`chanjiao search`), so that the
/// one-line error can say where the help is.
#[derive(Debug)]
pub struct ArgvError {
    pub error: clap::Error,
    pub command: String,
    /// A word like `-成都` given to a command without a query, which clap reports cut to
    /// its first letter (`-成`), as a cluster of short options.
    pub stray_word: Option<String>,
}

impl ArgvError {
    /// Help and version requests are not mistakes: clap prints them whole.
    pub fn is_request(&self) -> bool {
        use clap::error::ErrorKind;
        matches!(
            self.error.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    }

    /// clap's message without its `error:` prefix, usage block and tips, on one line, with
    /// where to read more: `invalid value 'abc' for '--limit <N>': not a count: use a whole
    /// number, 0 or more (see chanjiao search --help)`.
    pub fn one_line(&self) -> String {
        if let Some(word) = &self.stray_word {
            return format!(
                "unexpected argument '{word}' (only search and export take query words; \
                 see {} --help)",
                self.command
            );
        }
        one_line(&self.error.render().to_string(), &self.command)
    }
}

/// Parses `args` (the program's name first) into a [`Cli`].
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, ArgvError> {
    let mut cmd = Cli::command();
    cmd.build();
    let (args, sub, stray) = mark_query_words(&cmd, args.into_iter().collect());
    let command = match sub {
        Some(name) => format!("{} {name}", cmd.get_name()),
        None => cmd.get_name().to_string(),
    };
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m: ArgMatches| Cli::from_arg_matches(&m))
        .map_err(|e| e.format(&mut cmd));
    match parsed {
        Ok(mut cli) => {
            match &mut cli.command {
                Some(Sub::Search(a)) => unmark(&mut a.query),
                Some(Sub::Export(a)) => unmark(&mut a.query),
                _ => {}
            }
            Ok(cli)
        }
        Err(error) => {
            // clap stops at the first argument it cannot take; the word is blamed only when
            // that is the word's first letter.
            let stray_word = stray.filter(|w| {
                let first: String = w.chars().take(2).collect();
                error.kind() == clap::error::ErrorKind::UnknownArgument
                    && error.render().to_string().contains(&format!("'{first}'"))
            });
            Err(ArgvError {
                error,
                command,
                stray_word,
            })
        }
    }
}

/// What an argument that starts with a single `-` is to a command.
#[derive(Debug, PartialEq, Eq)]
enum Short {
    /// Not the command's short options: a query word.
    Word,
    /// Short options; `true` when the last one takes the next argument as its value.
    Options(bool),
}

/// The options `cmd` takes: its own, and the global ones of the top-level command.
fn options<'a>(root: &'a Command, cmd: &'a Command) -> impl Iterator<Item = &'a Arg> {
    let global = root.get_arguments().filter(|a| a.is_global_set());
    cmd.get_arguments().chain(global)
}

/// Reads `cluster` (what follows the `-`) as clap would: flags, then perhaps one option that
/// takes the rest, or the next argument, as its value.
fn short(root: &Command, cmd: &Command, cluster: &str) -> Short {
    let mut chars = cluster.chars();
    while let Some(c) = chars.next() {
        let Some(arg) = options(root, cmd).find(|a| a.get_short() == Some(c)) else {
            return Short::Word;
        };
        if arg.get_action().takes_values() {
            return Short::Options(chars.as_str().is_empty());
        }
    }
    Short::Options(false)
}

/// Whether `--name` (without `=value`) takes the next argument as its value.
fn long_takes_value(root: &Command, cmd: &Command, name: &str) -> bool {
    !name.contains('=')
        && options(root, cmd)
            .find(|a| a.get_long() == Some(name))
            .is_some_and(|a| a.get_action().takes_values())
}

/// Marks the query words that start with `-`, and says which command the arguments are for
/// and the first word of several letters that starts with `-` but is not made of its short
/// options, when the command takes no query. Options and their values are left alone, and
/// so is everything after `--`.
fn mark_query_words(
    root: &Command,
    args: Vec<OsString>,
) -> (Vec<OsString>, Option<String>, Option<String>) {
    let mut out = Vec::with_capacity(args.len());
    let mut args = args.into_iter();
    out.extend(args.next());
    let mut cmd = root;
    let mut sub: Option<String> = None;
    let mut stray: Option<String> = None;
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            out.push(arg);
            continue;
        };
        let takes_next = if text == "--" {
            out.push(arg);
            out.extend(args.by_ref());
            break;
        } else if let Some(name) = text.strip_prefix("--") {
            long_takes_value(root, cmd, name)
        } else if let Some(cluster) = text.strip_prefix('-').filter(|c| !c.is_empty()) {
            match short(root, cmd, cluster) {
                Short::Word if sub.as_deref().is_some_and(|s| WITH_QUERY.contains(&s)) => {
                    out.push(format!("{MARK}{cluster}").into());
                    continue;
                }
                Short::Word => {
                    if stray.is_none() && cluster.chars().nth(1).is_some() {
                        stray = Some(text.to_string());
                    }
                    false
                }
                Short::Options(takes_next) => takes_next,
            }
        } else {
            if sub.is_none()
                && let Some(found) = root.find_subcommand(text)
            {
                cmd = found;
                sub = Some(found.get_name().to_string());
            }
            false
        };
        out.push(arg);
        if takes_next {
            out.extend(args.next());
        }
    }
    (out, sub, stray)
}

/// Gives the marked query words their `-` back.
fn unmark(words: &mut [String]) {
    for w in words {
        if let Some(rest) = w.strip_prefix(MARK) {
            *w = format!("-{rest}");
        }
    }
}

/// The first paragraph of clap's rendered error (a list it introduces is joined on), without
/// `error: `.
fn one_line(rendered: &str, command: &str) -> String {
    let message: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.trim().is_empty() && !l.starts_with("Usage:"))
        .map(str::trim)
        .collect();
    let message = message.join(" ");
    let message = message.strip_prefix("error:").unwrap_or(&message).trim();
    // clap's tip for a name a letter or two off one it knows: `a similar argument exists:
    // '--province'`, `some similar subcommands exist: 'search', 'stats'`.
    let similar = rendered
        .lines()
        .filter_map(|l| l.trim().strip_prefix("tip:"))
        .filter(|tip| tip.contains("similar"))
        .filter_map(|tip| tip.split_once(": ").map(|(_, names)| names.trim()))
        .next();
    match similar {
        Some(names) => format!("{message}; did you mean {names}? (see {command} --help)"),
        None => format!("{message} (see {command} --help)"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;

    fn cli(args: &[&str]) -> Result<Cli, ArgvError> {
        parse(
            std::iter::once("chanjiao")
                .chain(args.iter().copied())
                .map(OsString::from),
        )
    }

    fn search(args: &[&str]) -> crate::cli::args::SearchArgs {
        match cli(args).map(|c| c.command) {
            Ok(Some(Sub::Search(a))) => a,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    #[test]
    fn words_that_start_with_a_dash_are_query_words() {
        let a = search(&["search", "无人机", "-成都"]);
        assert_eq!(a.query, ["无人机", "-成都"]);
        let a = search(&["search", "-robots", "welding"]);
        assert_eq!(a.query, ["-robots", "welding"]);
        let a = search(&["search", "产教融合", "-2025"]);
        assert_eq!(a.query, ["产教融合", "-2025"]);
        // The options around them still work, before and after the query.
        let a = search(&["search", "--json", "产教融合", "-成都", "--limit", "3"]);
        assert_eq!(a.query, ["产教融合", "-成都"]);
        assert!(a.filters.json);
        assert_eq!(a.filters.limit, Some(3));
        let a = search(&[
            "--corpus",
            "c",
            "search",
            "a",
            "--province=山东",
            "-b",
            "--corpus",
            "d",
        ]);
        assert_eq!(a.query, ["a", "-b"]);
        assert_eq!(a.filters.province, ["山东"]);
        // After `--`, clap's own rule: everything is a query word.
        let a = search(&["search", "--", "-h", "--json"]);
        assert_eq!(a.query, ["-h", "--json"]);
    }

    #[test]
    fn short_options_stay_options() {
        let e = cli(&["search", "x", "-h"]).unwrap_err();
        assert!(e.is_request());
        match cli(&["export", "x", "-o", "out.md", "-y"]).map(|c| c.command) {
            Ok(Some(Sub::Export(a))) => {
                assert_eq!(a.query, ["x", "-y"]);
                assert_eq!(a.output.unwrap(), std::path::Path::new("out.md"));
            }
            other => panic!("{other:?}"),
        }
        // Commands without a query keep clap's error.
        assert!(cli(&["list", "-成都"]).is_err());
    }

    #[test]
    fn errors_are_one_line_naming_the_command() {
        let e = cli(&["search", "x", "--limit", "abc"]).unwrap_err();
        assert_eq!(
            e.one_line(),
            "invalid value 'abc' for '--limit <N>': not a count: use a whole number, 0 or more \
             (see chanjiao search --help)"
        );
        let e = cli(&["serch", "x"]).unwrap_err();
        assert!(!e.is_request());
        let line = e.one_line();
        assert!(
            line.starts_with("unrecognized subcommand 'serch'"),
            "{line}"
        );
        assert!(line.ends_with("(see chanjiao --help)"), "{line}");
        // A name a letter off one the command takes: clap's suggestion is kept.
        assert!(line.contains("did you mean 'search'?"), "{line}");
        let line = cli(&["list", "--provnce", "x"]).unwrap_err().one_line();
        assert_eq!(
            line,
            "unexpected argument '--provnce' found; did you mean '--province'? \
             (see chanjiao list --help)"
        );
        let e = cli(&["config"]).unwrap_err();
        let line = e.one_line();
        assert!(!line.contains('\n'), "{line}");
        assert!(line.contains("--default"), "{line}");
    }

    #[test]
    fn a_query_word_given_to_a_command_without_a_query_is_named_whole() {
        let line = |args: &[&str]| cli(args).unwrap_err().one_line();
        assert_eq!(
            line(&["stats", "-成都"]),
            "unexpected argument '-成都' (only search and export take query words; \
             see chanjiao stats --help)"
        );
        assert_eq!(
            line(&["-成都"]),
            "unexpected argument '-成都' (only search and export take query words; \
             see chanjiao --help)"
        );
        assert!(line(&["list", "--json", "-robots"]).contains("'-robots'"));
        // A single letter may be a mistyped option: clap's own words.
        assert_eq!(
            line(&["list", "-x"]),
            "unexpected argument '-x' found (see chanjiao list --help)"
        );
        // clap stops at another mistake first: that one is said.
        let e = line(&["list", "--bogus", "-成都"]);
        assert!(e.starts_with("unexpected argument '--bogus'"), "{e}");
    }
}
