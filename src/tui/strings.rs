//! Every user-visible string of the reader, in one place.

pub const APP_NAME: &str = " 产教 chanjiao ";
pub const SEARCH_PLACEHOLDER: &str = "search 搜索 — words, \"phrase\", -exclude, province:山东";
/// After the help key in the search line.
pub const HELP_HINT: &str = "help 帮助";
/// The search line's prompt when no key starts a search.
pub const NO_SEARCH_KEY: &str = "›";

pub const SIDEBAR_TITLE: &str = " 筛选 Filters ";
pub const LIST_TITLE: &str = " 文章 Articles ";
pub const DETAIL_TITLE: &str = " 正文 Article ";
pub const HELP_TITLE: &str = " 帮助 Keys ";
/// After the keys that close the help, in its title.
pub const CLOSES: &str = "closes";
/// Between two keys that do the same.
pub const OR: &str = "or";
pub const MOUSE_TITLE: &str = "Mouse 鼠标";
pub const QUERY_TITLE: &str = "Search 搜索 (/)";
pub const HITS: &str = "hits";

pub const NO_VALUES: &str = "  —";
pub const LOADING: &str = "正在打开 Opening the corpus";
pub const LOADING_SHORT: &str = "loading";
pub const LOAD_FAILED: &str = "Cannot open the corpus";
pub const FAILED_SHORT: &str = "failed";
pub const SEARCHING: &str = "…";
pub const EMPTY_CORPUS: &str = "没有文章 No articles in the corpus.";
/// Before the folders read, when none gave an article.
pub const NO_ARTICLES_IN: &str = "没有文章 No articles in";
pub const PUT_FILES_THERE: &str = "Put news files there (.txt, .text or no extension).";
/// After how many files gave no article.
pub const SKIPPED_SEE_LOG: &str = "gave no article (chanjiao.log says why).";
pub const NOTHING_MATCHES: &str = "没有匹配的文章 Nothing matches.";
pub const DID_YOU_MEAN: &str = "Did you mean";
pub const THEN: &str = "then";
pub const WITHOUT: &str = "without";
pub const TAKES_IT: &str = "takes it";
pub const CLEARS_SEARCH: &str = "clears the search";
pub const CLEARS_FILTERS: &str = "clears the filters";
/// After a count, when the filters leave nothing: `2 articles without the filters.`
pub const WITHOUT_FILTERS: &str = "without the filters";

/// In the article's meta line, in place of the date of an article without one.
pub const UNDATED: &str = "无日期 undated";
pub const TAG_REGION: &str = "地区  ";
pub const TAG_SECTOR: &str = "行业  ";
pub const TAG_TOPIC: &str = "话题  ";
pub const TRUNCATED: &str = "…… 原文在此截断 The source cut the article here.";
pub const ALSO_REPORTED: &str = "同一事件的其他报道 Also reported by";
/// Before the other files that hold the same article, below its own file.
pub const ALSO_IN: &str = "同文另见 also in";

pub const SORT: &str = "sort";
pub const ARTICLES: &str = "articles";
pub const ARTICLE: &str = "article";
pub const SKIPPED: &str = "skipped";
/// After how many corpus folders given are not there.
pub const NOT_FOUND: &str = "not found";
/// More skipped files than the status line names.
pub const MORE: &str = "more";
pub const READY: &str = "ready";
pub const UPDATING: &str = "updating";
pub const UPDATE_FAILED: &str = "cannot update the index";
pub const CHECKING_CORPUS: &str = "checking the corpus";
pub const ALREADY_CHECKING: &str = "the corpus is being checked already";
/// Before what a background update changed (`corpus updated: 2 added, 1 removed`).
pub const CORPUS_UPDATED: &str = "corpus updated";
pub const CORPUS_UNCHANGED: &str = "corpus checked: nothing changed";
/// A refresh found the index already brought up to date, with another article count.
pub const UPDATED_ELSEWHERE: &str = "index updated by another chanjiao process";
/// Why the first open took a while after an upgrade.
pub const REBUILT_FOR_VERSION: &str = "index made by another version of chanjiao: rebuilt it";
pub const NO_OTHER_REPORTS: &str = "没有其他报道 No other outlet reported this story";
pub const OTHER_REPORTS_NOT_LISTED: &str = "其他报道不在列表中 The other reports are not in this list: the search or filters leave them out";
pub const FILTERED: &str = "filters:";

/// `n` or `N` without words searched for.
pub const NO_SEARCH_TO_STEP: &str = "no search to step through";
pub const SEARCHES: &str = "searches";
/// `n` or `N` in an article the search's words are not in (it matched on a filter).
pub const NO_HITS_HERE: &str = "the search's words are not in this article";
/// `Ctrl-p` or `Ctrl-n` in the search line with no query to go to.
pub const NO_OLDER_QUERY: &str =
    "没有更早的搜索 No earlier query (Enter in the search line remembers one)";
pub const NO_NEWER_QUERY: &str = "没有更晚的搜索 No later query";
/// `A` while the worker gathers the list's ids.
pub const GATHERING: &str = "counting the articles of this list…";
pub const CANNOT_MARK_ALL: &str = "cannot mark the list";
/// `u` when the worker could not look further down the list.
pub const CANNOT_FIND_UNREAD: &str = "cannot look for the next unread article";
/// Any key but `y` in answer to `A`'s question.
pub const NOTHING_MARKED: &str = "nothing marked";
pub const NO_MORE_UNREAD: &str = "没有更多未读 No unread articles further down";
pub const NO_VIEWS: &str = "没有视图 No saved views yet";
pub const SAVES_VIEW: &str = "saves the current one";
pub const NO_SUCH_VIEW: &str = "no saved view matches that name";
pub const VIEW_NEEDS_NAME: &str = "not saved: a view needs a name";
pub const VIEW: &str = "view";
pub const DELETED: &str = "deleted";
pub const SAVE_VIEW_PROMPT: &str = " 保存视图 Save view as: ";
pub const RECALL_VIEW_PROMPT: &str = " 视图 View: ";
pub const PICKER_TITLE: &str = " 视图 Views ";
pub const STATS_PROVINCES: &str = " 省份 Provinces ";
pub const STATS_SECTORS: &str = " 行业 Sectors ";
pub const STATS_MONTHS: &str = " 时间 Timeline ";
pub const STATS_TOPICS: &str = " 话题 Topics ";
pub const STATS_SOURCES: &str = " 来源 Top sources ";
/// What the keys named at the bottom of a chart do.
pub const STATS_CHART: &str = "chart";
pub const STATS_FILTER: &str = "filter";
pub const STATS_BACK: &str = "back";
pub const NO_ARTICLE: &str = "no article selected";
pub const STILL_LOADING: &str = "the article is still loading: try again";
pub const LIST_LOADING: &str = "the list is still loading: try again in a moment";
pub const EXPORTING: &str = "exporting…";
pub const COPIED: &str = "copied the article to the clipboard (OSC 52)";
pub const COPIED_PART: &str = "copied the start of the article to the clipboard";

pub const NOT_A_TERMINAL: &str = "standard output is not a terminal: the reader needs one \
     (to print articles, use `chanjiao list`, `chanjiao search QUERY` or `chanjiao show ID`)";
