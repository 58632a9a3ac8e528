/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Trace: one record per simulated happening, stamped with virtual time.
 *
 * Records go to a ring buffer (the last N, for failure reports) and, when
 * sinks are attached, straight to a text file (one line per record) and to
 * a Chrome trace-event JSON file that Perfetto and chrome://tracing open,
 * with one track per subchannel, device or driver context.
 *
 * Text line format (byte-identical for the same run and seed):
 *
 *     0.000012345 #42 sch 0.0.0001 css_ssch: cc=0 orb=0x00010000
 *     ^ seconds.nanoseconds  ^ record  ^ track  ^ event  ^ message
 *
 * Only virtual time appears in a trace, never the wall clock.
 */
#ifndef CCWSIM_SIM_TRACE_H
#define CCWSIM_SIM_TRACE_H

#include <stdint.h>
#include <stdio.h>

#include <ccwsim/sim/evq.h>

enum sim_trace_phase {
	SIM_TRACE_INSTANT,	/* a point in time */
	SIM_TRACE_BEGIN,	/* opens a span on its track */
	SIM_TRACE_END,		/* closes the innermost open span */
};

/* Longest message kept per record; longer ones are cut. */
#define SIM_TRACE_MSG_MAX 192

struct sim_trace;

/* A trace keeping the last @ring records in memory (0: none). */
struct sim_trace *sim_trace_create(size_t ring);
/* Finishes the JSON sink if one is attached. */
void sim_trace_destroy(struct sim_trace *tr);

/*
 * Register a track ("sch 0.0.0001", "dev 0x1234", "workqueue") and get its
 * id; registering the same name again returns the same id.  Track 0 is
 * "sim", always present.  Returns 0 if the name cannot be stored.
 */
uint32_t sim_trace_track(struct sim_trace *tr, const char *name);

/* Stream every record from now on as a text line to @f (NULL: stop). */
void sim_trace_set_text(struct sim_trace *tr, FILE *f);

/*
 * Stream every record from now on as Chrome trace-event JSON to @f.  The
 * array is closed by sim_trace_finish_json() or sim_trace_destroy().
 */
void sim_trace_set_json(struct sim_trace *tr, FILE *f);
void sim_trace_finish_json(struct sim_trace *tr);

/*
 * Stream records as process @pid named @name into a traceEvents array
 * that the caller opened (with at least one event) and will close: how
 * several runs share one file, a process each.  Every record is written
 * with a leading comma.
 */
void sim_trace_join_json(struct sim_trace *tr, FILE *f, unsigned pid,
			 const char *name);

/* Add a record.  @event is a short static identifier. */
void sim_trace_emit(struct sim_trace *tr, sim_vtime t, uint32_t track,
		    enum sim_trace_phase ph, const char *event,
		    const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Write the records held in the ring, oldest first, as text lines. */
void sim_trace_dump(const struct sim_trace *tr, FILE *f);

/* Records emitted since creation, and how many the ring has let go. */
uint64_t sim_trace_count(const struct sim_trace *tr);
uint64_t sim_trace_overwritten(const struct sim_trace *tr);

/* Format @t as seconds.nanoseconds ("0.000012345") into @buf (>= 24 B). */
char *sim_vtime_str(sim_vtime t, char *buf);

#endif /* CCWSIM_SIM_TRACE_H */
