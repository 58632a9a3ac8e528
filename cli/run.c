// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ccwsim run [options] PATH...: run scenario files, and directories of
 * them (recursively, *.scn, in name order).  Exit 0 when all pass, 1 when
 * any fails, 2 on usage or parse errors.  The last line printed is
 * "N passed, M failed" (", K skipped" when some were).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ccwsim/scenario.h>

#include "cli.h"

static const char usage_text[] =
	"usage: ccwsim run [options] PATH...\n"
	"\n"
	"Run scenario files (.scn) and directories of them, recursively.\n"
	"\n"
	"  --tap               print TAP version 13\n"
	"  --junit FILE        write JUnit XML to FILE\n"
	"  --seed N            run every scenario with seed N\n"
	"  --trace FILE        write the text trace of every run to FILE\n"
	"  --trace-json FILE   write a Chrome trace-event file (Perfetto opens\n"
	"                      it): a process per scenario, a track per\n"
	"                      subchannel and device\n"
	"  -v, --verbose       name every scenario as it passes\n"
	"  --tmpdir DIR        where runs make their files (default /tmp)\n"
	"\n"
	"Exit status: 0 all passed, 1 some failed, 2 usage or parse errors.\n";

struct files {
	char **v;
	size_t n, cap;
};

static int add_file(struct files *f, const char *path)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 64;
		char **v = realloc(f->v, cap * sizeof(*v));

		if (!v)
			return -1;
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n] = strdup(path);
	return f->v[f->n] ? (f->n++, 0) : -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* Every *.scn under @dir, sorted so a run's order never depends on the disk. */
static int walk(struct files *f, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct files here = { 0 };
	int rc = 0;

	if (!d) {
		fprintf(stderr, "ccwsim run: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	if (depth > 32) {
		closedir(d);
		fprintf(stderr, "ccwsim run: %s: directories nest too deep\n", dir);
		return -1;
	}
	while ((e = readdir(d))) {
		char *p;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		p = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (!p)
			break;
		sprintf(p, "%s/%s", dir, e->d_name);
		if (!stat(p, &st) && (S_ISDIR(st.st_mode) ||
				      (S_ISREG(st.st_mode) && ends_with(p, ".scn"))))
			add_file(&here, p);
		free(p);
	}
	closedir(d);
	qsort(here.v, here.n, sizeof(*here.v), by_name);
	for (size_t i = 0; i < here.n; i++) {
		struct stat st;

		if (!stat(here.v[i], &st) && S_ISDIR(st.st_mode))
			rc |= walk(f, here.v[i], depth + 1);
		else
			add_file(f, here.v[i]);
		free(here.v[i]);
	}
	free(here.v);
	return rc;
}

static void xml_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t')
				fputc(*s, f);
		}
	}
}

struct outcome {
	const char *file;
	enum scn_outcome what;
	char *title;
	char *text;		/* diagnostics, for failures and errors */
	char *skip;
	uint64_t seed;
	double seconds;		/* wall time, for the JUnit report only */
};

static char *diags_text(const struct scn_diags *ds)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return NULL;
	scn_diags_print(ds, m);
	fclose(m);
	return buf;
}

static void write_junit(FILE *f, const struct outcome *o, size_t n)
{
	size_t fails = 0, errors = 0, skips = 0;

	for (size_t i = 0; i < n; i++) {
		fails += o[i].what == SCN_FAIL;
		errors += o[i].what == SCN_ERROR;
		skips += o[i].what == SCN_SKIP;
	}
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(f, "<testsuites>\n<testsuite name=\"ccwsim\" tests=\"%zu\" "
		"failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n", n, fails,
		errors, skips);
	for (size_t i = 0; i < n; i++) {
		const char *slash = strrchr(o[i].file, '/');
		char *dir = strdup(o[i].file);

		/* classname: the scenario's folder, as CI tools group by it */
		if (dir)
			dir[slash ? slash - o[i].file : 0] = 0;
		fprintf(f, "  <testcase classname=\"");
		xml_text(f, dir ? dir : "");
		free(dir);
		fprintf(f, "\" name=\"");
		xml_text(f, slash ? slash + 1 : o[i].file);
		fprintf(f, "\" time=\"%.6f\"", o[i].seconds);
		if (o[i].what == SCN_PASS) {
			fprintf(f, "/>\n");
			continue;
		}
		fprintf(f, ">\n");
		if (o[i].what == SCN_SKIP) {
			fprintf(f, "    <skipped message=\"");
			xml_text(f, o[i].skip ? o[i].skip : "");
			fprintf(f, "\"/>\n");
		} else {
			fprintf(f, "    <%s message=\"%s (seed %llu)\">",
				o[i].what == SCN_FAIL ? "failure" : "error",
				o[i].what == SCN_FAIL ? "expectation failed"
						      : "scenario error",
				(unsigned long long)o[i].seed);
			xml_text(f, o[i].text ? o[i].text : "");
			fprintf(f, "</%s>\n",
				o[i].what == SCN_FAIL ? "failure" : "error");
		}
		fprintf(f, "  </testcase>\n");
	}
	fprintf(f, "</testsuite>\n</testsuites>\n");
}

static double wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Print diagnostics indented under a TAP line or a FAIL line. */
static void indent_text(FILE *f, const char *prefix, const char *text)
{
	while (text && *text) {
		size_t n = strcspn(text, "\n");

		fprintf(f, "%s%.*s\n", prefix, (int)n, text);
		text += n + (text[n] == '\n');
	}
}

static FILE *open_out(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		fprintf(stderr, "ccwsim run: cannot write %s: %s\n", path,
			strerror(errno));
	return f;
}

int cmd_run(int argc, char **argv)
{
	const char *junit = NULL, *trace = NULL, *trace_json = NULL;
	struct scn_run_opts ro = { 0 };
	struct files files = { 0 };
	struct outcome *out;
	FILE *jf = NULL, *tf = NULL, *jsf = NULL;
	int tap = 0, verbose = 0, bad_usage = 0, parse_errors = 0;
	size_t passed = 0, failed = 0, skipped = 0;
	int progress = isatty(2);

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int more = i + 1 < argc;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_text, stdout);
			return CLI_OK;
		} else if (!strcmp(a, "--tap")) {
			tap = 1;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			verbose = 1;
		} else if (!strcmp(a, "--junit") && more) {
			junit = argv[++i];
		} else if (!strcmp(a, "--trace") && more) {
			trace = argv[++i];
		} else if (!strcmp(a, "--trace-json") && more) {
			trace_json = argv[++i];
		} else if (!strcmp(a, "--tmpdir") && more) {
			ro.tmpdir = argv[++i];
		} else if (!strcmp(a, "--seed") && more) {
			if (cli_parse_u64(argv[++i], &ro.seed)) {
				fprintf(stderr, "ccwsim run: --seed '%s' is not a number\n",
					argv[i]);
				bad_usage = 1;
			}
			ro.have_seed = 1;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "ccwsim run: unknown option '%s'%s\n", a,
				more || a[1] != '-' ? "" : " (or its value is missing)");
			bad_usage = 1;
		} else {
			struct stat st;

			if (stat(a, &st)) {
				fprintf(stderr, "ccwsim run: %s: %s\n", a,
					strerror(errno));
				bad_usage = 1;
			} else if (S_ISDIR(st.st_mode)) {
				char *d = strdup(a);
				size_t n = strlen(d);

				while (n > 1 && d[n - 1] == '/')
					d[--n] = 0;
				if (walk(&files, d, 0))
					bad_usage = 1;
				free(d);
			} else {
				add_file(&files, a);
			}
		}
	}
	if (bad_usage || !files.n) {
		if (!bad_usage)
			fprintf(stderr, "ccwsim run: no scenario files given (or none found)\n");
		fputs(usage_text, stderr);
		for (size_t i = 0; i < files.n; i++)
			free(files.v[i]);
		free(files.v);
		return CLI_USAGE;
	}
	if ((junit && !(jf = open_out(junit))) || (trace && !(tf = open_out(trace))) ||
	    (trace_json && !(jsf = open_out(trace_json)))) {
		if (jf)
			fclose(jf);
		if (tf)
			fclose(tf);
		return CLI_USAGE;
	}
	if (jsf)
		fputs("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n"
		      "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,"
		      "\"args\":{\"name\":\"ccwsim run\"}}", jsf);
	progress = progress && !tap && !verbose;
	out = calloc(files.n, sizeof(*out));
	if (!out)
		return CLI_USAGE;
	if (tap)
		printf("TAP version 13\n1..%zu\n", files.n);
	for (size_t i = 0; i < files.n; i++) {
		struct scn_diags ds = { 0 };
		struct scn_result r;
		struct outcome *o = &out[i];
		struct scn *s;
		double t0 = wall();

		o->file = files.v[i];
		if (progress) {
			fprintf(stderr, "\r\033[K[%zu/%zu] %s", i + 1, files.n,
				files.v[i]);
			fflush(stderr);
		}
		s = scn_parse_file(files.v[i], &ds);
		if (!s) {
			o->what = SCN_ERROR;
			o->text = diags_text(&ds);
			scn_diags_free(&ds);
			parse_errors = 1;
		} else {
			o->title = strdup(scn_title(s));
			ro.trace = tf;
			ro.trace_json = jsf;
			ro.json_pid = (int)i + 1;
			if (tf)
				fprintf(tf, "# %s seed %llu\n", files.v[i],
					(unsigned long long)(ro.have_seed ? ro.seed
									  : scn_seed(s)));
			scn_run(s, &ro, &r);
			o->what = r.outcome;
			o->seed = r.seed;
			o->text = r.failures.n ? diags_text(&r.failures) : NULL;
			o->skip = r.skip_reason ? strdup(r.skip_reason) : NULL;
			scn_result_free(&r);
			scn_free(s);
		}
		o->seconds = wall() - t0;
		if (progress && o->what != SCN_PASS && o->what != SCN_SKIP)
			fprintf(stderr, "\r\033[K");
		switch (o->what) {
		case SCN_PASS:
			passed++;
			if (tap)
				printf("ok %zu - %s\n", i + 1, o->file);
			else if (verbose)
				printf("ok    %s\n", o->file);
			break;
		case SCN_SKIP:
			skipped++;
			if (tap)
				printf("ok %zu - %s # SKIP %s\n", i + 1, o->file,
				       o->skip ? o->skip : "");
			else if (verbose)
				printf("skip  %s: %s\n", o->file, o->skip ? o->skip : "");
			break;
		default:
			failed++;
			if (tap) {
				printf("not ok %zu - %s\n", i + 1, o->file);
				indent_text(stdout, "  # ", o->text);
				if (o->what == SCN_FAIL)
					printf("  # rerun: ccwsim run --seed %llu %s\n",
					       (unsigned long long)o->seed, o->file);
			} else {
				printf("%s  %s%s%s\n",
				       o->what == SCN_FAIL ? "FAIL" : "ERROR", o->file,
				       o->title && o->title[0] ? ": " : "",
				       o->title ? o->title : "");
				indent_text(stdout, "      ", o->text);
				if (o->what == SCN_FAIL)
					printf("      rerun: ccwsim run --seed %llu %s\n",
					       (unsigned long long)o->seed, o->file);
			}
			break;
		}
		fflush(stdout);
	}
	if (progress)
		fprintf(stderr, "\r\033[K");
	if (jf) {
		write_junit(jf, out, files.n);
		fclose(jf);
	}
	if (tf)
		fclose(tf);
	if (jsf) {
		fputs("\n]}\n", jsf);
		fclose(jsf);
	}
	if (skipped)
		printf("%zu passed, %zu failed, %zu skipped\n", passed, failed,
		       skipped);
	else
		printf("%zu passed, %zu failed\n", passed, failed);
	for (size_t i = 0; i < files.n; i++) {
		free(out[i].title);
		free(out[i].text);
		free(out[i].skip);
		free(files.v[i]);
	}
	free(out);
	free(files.v);
	return parse_errors ? CLI_USAGE : failed ? CLI_FAIL : CLI_OK;
}
