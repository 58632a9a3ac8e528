// SPDX-License-Identifier: GPL-2.0-or-later
/* Run a command with captured stdout and stderr, for CLI tests. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <check.h>

#include "run_cmd.h"

struct buf {
	char *p;
	size_t n, cap;
};

static int append(struct buf *b, const char *d, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *p = realloc(b->p, cap);

		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, d, n);
	b->n += n;
	b->p[b->n] = 0;
	return 0;
}

int run_cmd(const char *const argv[], const char *input, struct cmd_result *r)
{
	int in[2], out[2], err[2], status;
	struct buf bo = { 0 }, be = { 0 };
	pid_t pid;

	if (pipe(in) || pipe(out) || pipe(err))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(in[1]);
		close(out[0]);
		close(err[0]);
		{
			/* execv wants mutable strings; copies cost nothing here */
			char *copy[64];
			int n = 0;

			while (argv[n] && n < 63) {
				copy[n] = strdup(argv[n]);
				n++;
			}
			copy[n] = NULL;
			execv(copy[0], copy);
		}
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(err[1]);
	signal(SIGPIPE, SIG_IGN);
	if (input) {
		/* The program may exit without reading: ignore EPIPE. */
		ssize_t w = write(in[1], input, strlen(input));

		(void)w;
	}
	close(in[1]);
	append(&bo, "", 0);
	append(&be, "", 0);
	for (int open_fds = 2; open_fds > 0;) {
		struct pollfd p[2] = { { out[0], POLLIN, 0 },
				       { err[0], POLLIN, 0 } };
		char chunk[4096];

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < 2; i++) {
			ssize_t n;

			if (!(p[i].revents & (POLLIN | POLLHUP)) || p[i].fd < 0)
				continue;
			n = read(p[i].fd, chunk, sizeof(chunk));
			if (n <= 0) {
				close(p[i].fd);
				if (i == 0)
					out[0] = -1;
				else
					err[0] = -1;
				open_fds--;
				continue;
			}
			append(i ? &be : &bo, chunk, (size_t)n);
		}
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	r->status = WIFEXITED(status) ? WEXITSTATUS(status)
				      : 128 + WTERMSIG(status);
	r->out = bo.p;
	r->nout = bo.n;
	r->err = be.p;
	r->nerr = be.n;
	return 0;
}

void cmd_result_free(struct cmd_result *r)
{
	free(r->out);
	free(r->err);
}

char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long len;

	ck_assert_msg(f != NULL, "cannot read %s", path);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	p = malloc((size_t)len + 1);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(fread(p, 1, (size_t)len, f), (size_t)len);
	p[len] = 0;
	fclose(f);
	*n = (size_t)len;
	return p;
}
