/*
 * floor: replay a list of configfs operations with nothing around them.
 *
 *   floor [-k | -i] OPSFILE
 *
 * One op per line (bench/gen-ops.mjs writes them):
 *   mkdir PATH | rmdir PATH | unlink PATH | symlink TARGET PATH
 *   write PATH VALUE        (VALUE = rest of the line, written without '\n')
 * and, to replay what a read-only command asks of configfs (bench/record-ops.sh):
 *   read PATH               (open, one read of up to 16 KiB, close)
 *   list PATH               (opendir, readdir to the end, closedir)
 *   readlink PATH | stat PATH
 *
 * Each op is exactly its syscalls (a write is open, write, close), so the time
 * this takes is what the kernel itself charges for a configuration: the cost
 * no configuration tool can go below. The whole list is read into memory
 * first so that parsing never interleaves with the kernel work.
 *
 * Stops at the first failing op (exit 1, the line and errno on stderr), so a
 * wrong list never passes for a fast one. -k keeps going and reports the
 * number of failures instead: the runner uses it to reset a half-built state.
 * -i replays a recording (bench/record-ops.sh) whose failing calls are part of
 * what was recorded, say a read of a write-only attribute: it keeps going and
 * exits 0.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap + 1);
	for (;;) {
		if (!buf)
			return NULL;
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap)
			buf = realloc(buf, (cap *= 2) + 1);
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Cut the next space-separated word off *s. */
static char *word(char **s)
{
	char *w = *s, *sp = strchr(w, ' ');
	if (!sp) {
		*s = w + strlen(w);
		return w;
	}
	*sp = '\0';
	*s = sp + 1;
	return w;
}

static int do_write(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	size_t len = strlen(value);
	ssize_t w = write(fd, value, len);
	int err = errno;
	close(fd);
	if (w < 0 || (size_t)w != len) {
		errno = w < 0 ? err : EIO;
		return -1;
	}
	return 0;
}

static int do_read(const char *path)
{
	static char buf[16384];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t r = read(fd, buf, sizeof buf);
	int err = errno;
	close(fd);
	errno = err;
	return r < 0 ? -1 : 0;
}

static int do_list(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return -1;
	while (readdir(d))
		;
	return closedir(d);
}

int main(int argc, char **argv)
{
	int keep_going = argc == 3 && strcmp(argv[1], "-k") == 0;
	int ignore = argc == 3 && strcmp(argv[1], "-i") == 0;
	if (argc != 2 + keep_going + ignore) {
		fprintf(stderr, "usage: floor [-k | -i] OPSFILE\n");
		return 2;
	}
	const char *file = argv[argc - 1];
	size_t len;
	char *buf = slurp(file, &len);
	if (!buf) {
		fprintf(stderr, "floor: %s: %s\n", file, strerror(errno));
		return 2;
	}

	long lineno = 0, failures = 0;
	for (char *line = buf, *next; line < buf + len; line = next) {
		char *nl = strchr(line, '\n');
		next = nl ? nl + 1 : buf + len;
		if (nl)
			*nl = '\0';
		lineno++;
		if (!*line)
			continue;

		char *rest = line;
		char *op = word(&rest);
		char *subject = rest; /* the path the op acts on, for errors */
		int rc;
		if (strcmp(op, "mkdir") == 0) {
			rc = mkdir(rest, 0755);
		} else if (strcmp(op, "rmdir") == 0) {
			rc = rmdir(rest);
		} else if (strcmp(op, "unlink") == 0) {
			rc = unlink(rest);
		} else if (strcmp(op, "symlink") == 0) {
			char *target = word(&rest);
			subject = rest;
			rc = symlink(target, rest);
		} else if (strcmp(op, "write") == 0) {
			char *path = word(&rest);
			rc = do_write(path, rest);
		} else if (strcmp(op, "read") == 0) {
			rc = do_read(rest);
		} else if (strcmp(op, "list") == 0) {
			rc = do_list(rest);
		} else if (strcmp(op, "readlink") == 0) {
			static char target[4096];
			rc = readlink(rest, target, sizeof target) < 0 ? -1 : 0;
		} else if (strcmp(op, "stat") == 0) {
			struct stat st;
			rc = lstat(rest, &st);
		} else {
			fprintf(stderr, "floor: %s:%ld: unknown op '%s'\n", file, lineno, op);
			return 2;
		}
		if (rc != 0 && !ignore) {
			fprintf(stderr, "floor: %s:%ld: %s %s: %s\n", file, lineno, op, subject, strerror(errno));
			if (!keep_going)
				return 1;
			failures++;
		}
	}
	if (failures)
		fprintf(stderr, "floor: %ld failed ops\n", failures);
	return failures ? 1 : 0;
}
