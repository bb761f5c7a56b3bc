#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <pty.h>
#include <utmp.h>
#include <sys/ioctl.h>
#include "CNCursesW.h"

static SCREEN *screen = NULL;
static struct termios saved_termios;
static int have_saved_termios = 0;

static void crash_restore(int sig) {
    if (have_saved_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    signal(sig, SIG_DFL);
    raise(sig);
}

void ppid_install_crash_restore(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_saved_termios = 1;
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = crash_restore;
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
}

int ppid_curses_start(const char *term, int escape_delay_ms) {
    if (screen) return 0;
    screen = newterm(term, stdout, stdin);
    if (!screen) return -1;
    set_term(screen);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    idlok(stdscr, TRUE);
    leaveok(stdscr, FALSE);
    set_escdelay(escape_delay_ms);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    curs_set(0);
    return 0;
}

void ppid_curses_stop(void) {
    if (!screen) return;
    curs_set(1);
    endwin();
    delscreen(screen);
    screen = NULL;
}

int ppid_curses_active(void) { return screen != NULL; }

int ppid_rows(void) { return screen ? getmaxy(stdscr) : 0; }
int ppid_cols(void) { return screen ? getmaxx(stdscr) : 0; }

int ppid_color_count(void) { return (screen && has_colors()) ? COLORS : 0; }
int ppid_color_pairs(void) { return (screen && has_colors()) ? COLOR_PAIRS : 0; }
void ppid_init_pair(int pair, int foreground, int background) {
    if (screen && has_colors()) init_pair((short)pair, (short)foreground, (short)background);
}

void ppid_erase(void) { if (screen) werase(stdscr); }

void ppid_put(int row, int col, const wchar_t *text, int count, int pair, int attrs) {
    if (!screen) return;
    attr_t a = A_NORMAL;
    if (attrs & PPID_ATTR_BOLD) a |= A_BOLD;
    if (attrs & PPID_ATTR_UNDERLINE) a |= A_UNDERLINE;
    if (attrs & PPID_ATTR_REVERSE) a |= A_REVERSE;
    if (attrs & PPID_ATTR_DIM) a |= A_DIM;
    wattr_set(stdscr, a, (short)pair, NULL);
    mvwaddnwstr(stdscr, row, col, text, count);
    wattr_set(stdscr, A_NORMAL, 0, NULL);
}

void ppid_cursor(int row, int col, int visible) {
    if (!screen) return;
    curs_set(visible ? 1 : 0);
    /* An invisible cursor is left where the update ends: no move to park it after every frame. */
    leaveok(stdscr, visible ? FALSE : TRUE);
    if (visible) wmove(stdscr, row, col);
}

void ppid_present(void) {
    if (!screen) return;
    wnoutrefresh(stdscr);
    doupdate();
}

void ppid_invalidate(void) { if (screen) clearok(curscr, TRUE); }

int ppid_read_key(unsigned int *value) {
    if (!screen) return 0;
    wint_t ch;
    int kind = wget_wch(stdscr, &ch);
    if (kind == ERR) return 0;
    if (kind == OK) {
        if (ch == '\r' || ch == '\n') { *value = PPID_KEY_ENTER; return 2; }
        if (ch == 127 || ch == 8) { *value = PPID_KEY_BACKSPACE; return 2; }
        *value = (unsigned int)ch;
        return 1;
    }
    switch (ch) {
    case KEY_UP: *value = PPID_KEY_UP; break;
    case KEY_DOWN: *value = PPID_KEY_DOWN; break;
    case KEY_LEFT: *value = PPID_KEY_LEFT; break;
    case KEY_RIGHT: *value = PPID_KEY_RIGHT; break;
    case KEY_HOME: *value = PPID_KEY_HOME; break;
    case KEY_END: *value = PPID_KEY_END; break;
    case KEY_PPAGE: *value = PPID_KEY_PAGE_UP; break;
    case KEY_NPAGE: *value = PPID_KEY_PAGE_DOWN; break;
    case KEY_BACKSPACE: *value = PPID_KEY_BACKSPACE; break;
    case KEY_DC: *value = PPID_KEY_DELETE; break;
    case KEY_ENTER: *value = PPID_KEY_ENTER; break;
    case KEY_BTAB: *value = PPID_KEY_BACK_TAB; break;
    case KEY_RESIZE: *value = PPID_KEY_RESIZE; break;
    case KEY_F(1): *value = PPID_KEY_F1; break;
    default: *value = PPID_KEY_OTHER; break;
    }
    return 2;
}

int ppid_spawn_in_pty(const char *path, char *const argv[], char *const envp[], int rows, int cols, int *master) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = (unsigned short)rows;
    size.ws_col = (unsigned short)cols;
    int slave = -1;
    if (openpty(master, &slave, NULL, NULL, &size) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) { close(*master); close(slave); return -1; }
    if (pid == 0) {
        close(*master);
        if (login_tty(slave) != 0) _exit(127);
        execve(path, argv, envp);
        _exit(127);
    }
    close(slave);
    return pid;
}
