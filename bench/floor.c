/*
 * floor: replay a list of configfs operations with nothing around them.
 *
 *   floor [-k | -i | -j N] OPSFILE
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
 *
 * -j N replays side by side, as a tool that runs independent calls at once
 * could: each object under a fabric (a target) or under core/ (an HBA and its
 * storage object) is a lane, its ops in their order, and N processes share the
 * lanes. The list is cut into runs of fabric ops, core ops and anything else
 * (which goes one at a time), each run finished before the next starts, so a
 * restore still makes every storage object before any target links to it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

/* One op of the list, cut into its words. */
struct op {
	char *name, *a, *b; /* a: the path (symlink: the target), b: symlink's path or write's value */
	long lineno;
	int lane;  /* index of its lane among the run's lanes; -1: not a lane */
	int run;   /* which run of same-kind ops it belongs to */
};

static const char *file;
static int keep_going, ignore;

/* Runs one op; returns 0, or 1 after reporting a failure that counts. */
static int run_op(const struct op *o)
{
	const char *subject = o->a;
	int rc;
	if (strcmp(o->name, "mkdir") == 0) {
		rc = mkdir(o->a, 0755);
	} else if (strcmp(o->name, "rmdir") == 0) {
		rc = rmdir(o->a);
	} else if (strcmp(o->name, "unlink") == 0) {
		rc = unlink(o->a);
	} else if (strcmp(o->name, "symlink") == 0) {
		subject = o->b;
		rc = symlink(o->a, o->b);
	} else if (strcmp(o->name, "write") == 0) {
		rc = do_write(o->a, o->b);
	} else if (strcmp(o->name, "read") == 0) {
		rc = do_read(o->a);
	} else if (strcmp(o->name, "list") == 0) {
		rc = do_list(o->a);
	} else if (strcmp(o->name, "readlink") == 0) {
		static char target[4096];
		rc = readlink(o->a, target, sizeof target) < 0 ? -1 : 0;
	} else if (strcmp(o->name, "stat") == 0) {
		struct stat st;
		rc = lstat(o->a, &st);
	} else {
		fprintf(stderr, "floor: %s:%ld: unknown op '%s'\n", file, o->lineno, o->name);
		exit(2);
	}
	if (rc == 0 || ignore)
		return 0;
	fprintf(stderr, "floor: %s:%ld: %s %s: %s\n", file, o->lineno, o->name, subject, strerror(errno));
	if (!keep_going)
		exit(1);
	return 1;
}

/*
 * The object an op belongs to: "core/<hba>" or "<fabric>/<wwn>" (its first two
 * segments below the configfs root), with *kind 'c' or 'f'; 0 for anything else.
 */
static size_t object_of(const char *path, char *kind)
{
	const char *root = strstr(path, "/config/target/");
	*kind = 0;
	if (!root)
		return 0;
	const char *rel = root + strlen("/config/target/");
	const char *slash = strchr(rel, '/');
	if (!slash || strncmp(slash + 1, "discovery_auth", 14) == 0)
		return 0;
	const char *end = strchr(slash + 1, '/');
	*kind = strncmp(rel, "core/", 5) == 0 ? 'c' : 'f';
	return (size_t)((end ? end : slash + 1 + strlen(slash + 1)) - path);
}

/* Assigns runs and lanes: consecutive ops of one kind form a run; in it, one lane per object. */
static void plan_lanes(struct op *ops, long n)
{
	/* Each lane's object, as a prefix of the first path that named it. */
	const char **keys = malloc(sizeof *keys * (size_t)n);
	size_t *key_len = malloc(sizeof *key_len * (size_t)n);
	int run = -1, lanes = 0, lane = -1;
	char last = 1;
	for (long i = 0; i < n; i++) {
		const char *path = strcmp(ops[i].name, "symlink") == 0 ? ops[i].b : ops[i].a;
		char kind;
		size_t len = object_of(path, &kind);
		if (kind != last || kind == 0) {
			run++;
			lanes = 0;
			lane = -1;
			last = kind;
		}
		ops[i].run = run;
		ops[i].lane = -1;
		if (kind == 0)
			continue;
		/* Usually the object of the op before; else one seen earlier in the run, or a new lane. */
		if (lane < 0 || key_len[lane] != len || strncmp(keys[lane], path, len) != 0) {
			for (lane = 0; lane < lanes; lane++)
				if (key_len[lane] == len && strncmp(keys[lane], path, len) == 0)
					break;
			if (lane == lanes) {
				keys[lanes] = path;
				key_len[lanes++] = len;
			}
		}
		ops[i].lane = lane;
	}
	free(keys);
	free(key_len);
}

int main(int argc, char **argv)
{
	int jobs = 1;
	keep_going = argc == 3 && strcmp(argv[1], "-k") == 0;
	ignore = argc == 3 && strcmp(argv[1], "-i") == 0;
	if (argc == 4 && strcmp(argv[1], "-j") == 0)
		jobs = atoi(argv[2]);
	if (jobs < 1 || argc != 2 + keep_going + ignore + (jobs > 1 || argc == 4 ? 2 : 0)) {
		fprintf(stderr, "usage: floor [-k | -i | -j N] OPSFILE\n");
		return 2;
	}
	file = argv[argc - 1];
	size_t len;
	char *buf = slurp(file, &len);
	if (!buf) {
		fprintf(stderr, "floor: %s: %s\n", file, strerror(errno));
		return 2;
	}

	/* The whole list is cut into ops before any runs. */
	long n = 0, cap = 1024, lineno = 0;
	struct op *ops = malloc(sizeof *ops * (size_t)cap);
	for (char *line = buf, *next; line < buf + len; line = next) {
		char *nl = strchr(line, '\n');
		next = nl ? nl + 1 : buf + len;
		if (nl)
			*nl = '\0';
		lineno++;
		if (!*line)
			continue;
		if (n == cap)
			ops = realloc(ops, sizeof *ops * (size_t)(cap *= 2));
		if (!ops)
			return 2;
		char *rest = line;
		struct op *o = &ops[n++];
		o->name = word(&rest);
		o->lineno = lineno;
		o->b = NULL;
		if (strcmp(o->name, "symlink") == 0 || strcmp(o->name, "write") == 0) {
			o->a = word(&rest);
			o->b = rest;
		} else {
			o->a = rest;
		}
	}

	long failures = 0;
	if (jobs == 1) {
		for (long i = 0; i < n; i++)
			failures += run_op(&ops[i]);
	} else {
		plan_lanes(ops, n);
		for (long start = 0, end; start < n; start = end) {
			for (end = start; end < n && ops[end].run == ops[start].run; end++)
				;
			if (ops[start].lane < 0) {
				for (long i = start; i < end; i++)
					failures += run_op(&ops[i]);
				continue;
			}
			for (int k = 0; k < jobs; k++) {
				pid_t pid = fork();
				if (pid < 0) {
					perror("floor: fork");
					return 2;
				}
				if (pid == 0) {
					long mine = 0;
					for (long i = start; i < end; i++)
						if (ops[i].lane % jobs == k)
							mine += run_op(&ops[i]);
					_exit(mine ? 1 : 0);
				}
			}
			int status, failed = 0;
			while (wait(&status) > 0)
				failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
			if (failed && !keep_going)
				return 1;
			failures += failed;
		}
	}
	if (failures)
		fprintf(stderr, "floor: %ld failed ops\n", failures);
	return failures ? 1 : 0;
}
