/*
 * tm: time one command the way the benchmark needs it.
 *
 *   tm RESULTFILE LIMIT_S CMD [ARG...]
 *
 * Runs CMD (stdin, stdout and stderr inherited), then writes
 * "WALL_SECONDS MAX_RSS_KB STATUS" to RESULTFILE. The wall time runs from
 * just before fork to the reap, so the measuring tool's own start-up
 * (a /usr/bin/time or timeout exec) is not charged to CMD; the peak RSS is
 * the kernel's ru_maxrss for CMD and its children, the number GNU time's %M
 * reports. After LIMIT_S seconds (0 = none) CMD's process group is killed and
 * STATUS is 124, as with timeout(1). Exit status: STATUS.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t child;
static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
	kill(-child, SIGKILL);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: tm RESULTFILE LIMIT_S CMD [ARG...]\n");
		return 2;
	}
	unsigned limit = (unsigned)strtoul(argv[2], NULL, 10);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	child = fork();
	if (child < 0) {
		perror("tm: fork");
		return 2;
	}
	if (child == 0) {
		setpgid(0, 0); /* so a timeout kills the whole tool, helpers included */
		execvp(argv[3], argv + 3);
		perror(argv[3]);
		_exit(127);
	}
	setpgid(child, child);
	signal(SIGALRM, on_alarm);
	alarm(limit);

	int status;
	struct rusage ru;
	while (wait4(child, &status, 0, &ru) < 0) {
		if (errno != EINTR) { /* EINTR is the alarm: the kill follows */
			perror("tm: wait4");
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	alarm(0);

	int rc = timed_out ? 124 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	FILE *f = fopen(argv[1], "w");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	fprintf(f, "%.4f %ld %d\n", wall, ru.ru_maxrss, rc);
	fclose(f);
	return rc;
}
