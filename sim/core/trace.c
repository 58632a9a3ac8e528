// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Trace records: a ring for the last N, and streaming text and Chrome
 * trace-event JSON sinks.  Everything is formatted from integers, so the
 * output is byte-identical across runs, hosts and libcs.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/sim/trace.h>

struct record {
	sim_vtime t;
	uint64_t no;
	uint32_t track;
	uint8_t ph;
	const char *event;
	char msg[SIM_TRACE_MSG_MAX];
};

struct sim_trace {
	struct record *ring;
	size_t cap;
	uint64_t count;			/* records emitted */
	char **tracks;
	uint32_t ntracks, captracks;
	FILE *text;
	FILE *json;
	int json_first;
	int json_joined;		/* the array is framed by someone else */
	unsigned json_pid;
};

char *sim_vtime_str(sim_vtime t, char *buf)
{
	snprintf(buf, 24, "%" PRIu64 ".%09" PRIu64, t / 1000000000u,
		 t % 1000000000u);
	return buf;
}

struct sim_trace *sim_trace_create(size_t ring)
{
	struct sim_trace *tr = calloc(1, sizeof(*tr));

	if (!tr)
		return NULL;
	if (ring) {
		tr->ring = calloc(ring, sizeof(*tr->ring));
		if (!tr->ring) {
			free(tr);
			return NULL;
		}
		tr->cap = ring;
	}
	if (sim_trace_track(tr, "sim") != 0 || tr->ntracks != 1) {
		sim_trace_destroy(tr);
		return NULL;
	}
	return tr;
}

void sim_trace_destroy(struct sim_trace *tr)
{
	if (!tr)
		return;
	sim_trace_finish_json(tr);
	for (uint32_t i = 0; i < tr->ntracks; i++)
		free(tr->tracks[i]);
	free(tr->tracks);
	free(tr->ring);
	free(tr);
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_sep(struct sim_trace *tr)
{
	fputs(tr->json_first ? "\n" : ",\n", tr->json);
	tr->json_first = 0;
}

static void json_track(struct sim_trace *tr, uint32_t id)
{
	json_sep(tr);
	fprintf(tr->json,
		"{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%u,\"tid\":%" PRIu32
		",\"args\":{\"name\":", tr->json_pid, id);
	json_string(tr->json, tr->tracks[id]);
	fputs("}}", tr->json);
}

uint32_t sim_trace_track(struct sim_trace *tr, const char *name)
{
	for (uint32_t i = 0; i < tr->ntracks; i++)
		if (strcmp(tr->tracks[i], name) == 0)
			return i;
	if (tr->ntracks == tr->captracks) {
		uint32_t cap = tr->captracks ? 2 * tr->captracks : 16;
		char **t = realloc(tr->tracks, cap * sizeof(*t));

		if (!t)
			return 0;
		tr->tracks = t;
		tr->captracks = cap;
	}
	tr->tracks[tr->ntracks] = strdup(name);
	if (!tr->tracks[tr->ntracks])
		return 0;
	if (tr->json)
		json_track(tr, tr->ntracks);
	return tr->ntracks++;
}

void sim_trace_set_text(struct sim_trace *tr, FILE *f)
{
	tr->text = f;
}

static void json_process(struct sim_trace *tr, const char *name)
{
	json_sep(tr);
	fprintf(tr->json, "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":%u,"
		"\"args\":{\"name\":", tr->json_pid);
	json_string(tr->json, name);
	fputs("}}", tr->json);
	for (uint32_t i = 0; i < tr->ntracks; i++)
		json_track(tr, i);
}

void sim_trace_set_json(struct sim_trace *tr, FILE *f)
{
	sim_trace_finish_json(tr);
	tr->json = f;
	if (!f)
		return;
	tr->json_first = 1;
	tr->json_joined = 0;
	tr->json_pid = 1;
	fputs("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[", f);
	json_process(tr, "ccwsim");
}

void sim_trace_join_json(struct sim_trace *tr, FILE *f, unsigned pid,
			 const char *name)
{
	sim_trace_finish_json(tr);
	tr->json = f;
	if (!f)
		return;
	tr->json_first = 0;
	tr->json_joined = 1;
	tr->json_pid = pid;
	json_process(tr, name);
}

void sim_trace_finish_json(struct sim_trace *tr)
{
	if (!tr->json)
		return;
	if (!tr->json_joined)
		fputs("\n]}\n", tr->json);
	fflush(tr->json);
	tr->json = NULL;
}

static const char *const phase_text[] = { "", " begin", " end" };

static void text_line(const struct sim_trace *tr, FILE *f,
		      const struct record *r)
{
	char ts[24];

	fprintf(f, "%s #%" PRIu64 " %s %s%s%s%s\n", sim_vtime_str(r->t, ts),
		r->no, r->track < tr->ntracks ? tr->tracks[r->track] : "?",
		r->event, phase_text[r->ph], r->msg[0] ? ": " : "", r->msg);
}

static void json_record(struct sim_trace *tr, const struct record *r)
{
	static const char ph[] = { 'i', 'B', 'E' };

	json_sep(tr);
	fprintf(tr->json, "{\"name\":");
	json_string(tr->json, r->event);
	fprintf(tr->json, ",\"ph\":\"%c\",\"ts\":%" PRIu64 ".%03" PRIu64
		",\"pid\":%u,\"tid\":%" PRIu32, ph[r->ph], r->t / 1000u,
		r->t % 1000u, tr->json_pid, r->track);
	if (r->ph == SIM_TRACE_INSTANT)
		fputs(",\"s\":\"t\"", tr->json);
	fprintf(tr->json, ",\"args\":{\"no\":%" PRIu64 ",\"msg\":", r->no);
	json_string(tr->json, r->msg);
	fputs("}}", tr->json);
}

void sim_trace_emit(struct sim_trace *tr, sim_vtime t, uint32_t track,
		    enum sim_trace_phase ph, const char *event,
		    const char *fmt, ...)
{
	struct record tmp, *r;
	va_list ap;

	r = tr->cap ? &tr->ring[tr->count % tr->cap] : &tmp;
	r->t = t;
	r->no = tr->count++;
	r->track = track;
	r->ph = (uint8_t)(ph <= SIM_TRACE_END ? ph : SIM_TRACE_INSTANT);
	r->event = event;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof(r->msg), fmt, ap);
	va_end(ap);
	if (tr->text)
		text_line(tr, tr->text, r);
	if (tr->json)
		json_record(tr, r);
}

void sim_trace_dump(const struct sim_trace *tr, FILE *f)
{
	uint64_t first = tr->count > tr->cap ? tr->count - tr->cap : 0;

	for (uint64_t i = first; i < tr->count; i++)
		text_line(tr, f, &tr->ring[i % tr->cap]);
}

uint64_t sim_trace_count(const struct sim_trace *tr)
{
	return tr->count;
}

uint64_t sim_trace_overwritten(const struct sim_trace *tr)
{
	return tr->count > tr->cap ? tr->count - tr->cap : 0;
}
