// A small C boundary around ncursesw for Swift.
//
// SwiftPM drops the -D_XOPEN_SOURCE flag pkg-config gives, so the wide API vanishes unless this
// header turns it on itself. Macros (getmaxyx, COLOR_PAIR, A_BOLD) and globals (stdscr, LINES,
// COLS) do not import into Swift, so they are wrapped here as functions. Only PPIDTerminal uses it.
#ifndef CNCURSESW_H
#define CNCURSESW_H

#include <stddef.h>
#include <wchar.h>

// Attribute bits understood by ppid_put (mapped to ncurses attributes in the .c file).
enum {
    PPID_ATTR_BOLD = 1,
    PPID_ATTR_UNDERLINE = 2,
    PPID_ATTR_REVERSE = 4,
    PPID_ATTR_DIM = 8,
};

// Key codes returned by ppid_read_key for special keys (kind == 1).
enum {
    PPID_KEY_UP = 1, PPID_KEY_DOWN, PPID_KEY_LEFT, PPID_KEY_RIGHT, PPID_KEY_HOME, PPID_KEY_END,
    PPID_KEY_PAGE_UP, PPID_KEY_PAGE_DOWN, PPID_KEY_BACKSPACE, PPID_KEY_DELETE, PPID_KEY_ENTER,
    PPID_KEY_BACK_TAB, PPID_KEY_RESIZE, PPID_KEY_F1, PPID_KEY_OTHER,
};

/// Starts curses on the terminal named `term` (NULL: $TERM) over stdin/stdout, with a short escape
/// delay. Returns 0, or -1 when the terminal type is unknown (newterm failed: initscr would exit).
int ppid_curses_start(const char *term, int escape_delay_ms);
/// Restores the terminal. Safe to call twice, and from a signal-safe path.
void ppid_curses_stop(void);
int ppid_curses_active(void);

/// On a crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE), puts the terminal back the way it
/// was found (saved termios, cursor shown, normal screen) before the process dies. Async-signal-safe.
void ppid_install_crash_restore(void);

int ppid_rows(void);
int ppid_cols(void);

int ppid_color_count(void);
int ppid_color_pairs(void);
void ppid_init_pair(int pair, int foreground, int background);

void ppid_erase(void);
/// Writes `count` wide characters at (row, col) with a colour pair and PPID_ATTR_* bits.
void ppid_put(int row, int col, const wchar_t *text, int count, int pair, int attrs);
void ppid_cursor(int row, int col, int visible);
/// Sends what changed since the last call: wnoutrefresh + doupdate, never a full clear.
void ppid_present(void);
/// Forces a full repaint on the next present (Ctrl-L).
void ppid_invalidate(void);

/// Reads one key without waiting. Returns 0 when none is ready, 1 for a character (in *value),
/// 2 for a special key (PPID_KEY_* in *value).
int ppid_read_key(unsigned int *value);

/// Starts `path` with `argv` and `envp` on a new pseudo-terminal of `rows` x `cols`; returns the child's
/// pid (or -1) and the master side in *master. For the terminal benchmark.
int ppid_spawn_in_pty(const char *path, char *const argv[], char *const envp[], int rows, int cols, int *master);

#endif
