// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CHANNEL SUBSYSTEM CALL: the commands a Linux guest issues at boot.
 * The CHSC book is not public; the layouts below follow what Linux
 * sends and reads, checked against QEMU and Hercules (docs/css.md, "CHSC",
 * lists the sources and the choices).
 *
 * The operand is one 4 KiB area: the request block (length L, command
 * code, parameters) at 0 and the response block (length, response code,
 * a parameter word, data) at L.
 */
#include <errno.h>
#include <string.h>

#include <ccwsim/arch/be.h>

#include "css/css_int.h"

#define CHSC_AREA	4096u

/* Command codes. */
#define CHSC_SCPD	0x0002	/* store channel-path description */
#define CHSC_SSD	0x0004	/* store subchannel description */
#define CHSC_SEI	0x000e	/* store event information */
#define CHSC_SCSC	0x0010	/* store channel-subsystem characteristics */
#define CHSC_SDA	0x0031	/* set domain attributes (enable MSS) */

/* Response codes. */
#define RC_OK		0x0001
#define RC_REQ_ERR	0x0003	/* request-block error */
#define RC_NOT_SUPP	0x0004	/* command not installed */
#define RC_NO_DATA	0x0005	/* no event information */
#define RC_FORMAT	0x0007	/* invalid command format */
#define RC_CSSID	0x0008	/* invalid CSSID */
#define RC_SSID		0x000a	/* invalid subchannel-set id */
#define RC_FACILITY	0x0101	/* facility not supported (SDA) */

struct chsc {
	struct sim_css *css;
	const uint8_t *req;	/* the request block */
	uint16_t len;		/* request length L */
	uint8_t *rsp;		/* the response block (at L) */
	uint32_t room;		/* bytes the response may use */
};

static uint16_t respond(struct chsc *c, uint16_t rc, uint32_t rlen,
			uint32_t param)
{
	ccwa_put_be16(c->rsp, (uint16_t)rlen);
	ccwa_put_be16(c->rsp + 2, rc);
	ccwa_put_be32(c->rsp + 4, param);
	return (uint16_t)rlen;
}

/* Store Channel-Path Description: fmt-0 (8-byte) or fmt-1 (32-byte). */
static uint16_t scpd(struct chsc *c)
{
	const uint8_t *q = c->req;
	uint32_t p0 = ccwa_get_be32(q + 4), p1 = ccwa_get_be32(q + 8);
	unsigned fmt = q[4] & 0x0f, rfmt = q[6] & 0x0f, cbit = !!(q[4] & 0x10);
	unsigned first = q[7], last = q[11], size, n = 0;

	if (rfmt <= 1)
		rfmt = cbit;
	if (c->len != 16 || (p0 & 0xc000f000u) || (p1 & 0xffffff00u) ||
	    ccwa_get_be32(q + 12))
		return respond(c, RC_REQ_ERR, 8, rfmt);
	if (fmt)
		return respond(c, RC_FORMAT, 8, rfmt);
	if (q[5])
		return respond(c, RC_CSSID, 8, rfmt);
	if (last < first)
		return respond(c, RC_REQ_ERR, 8, rfmt);
	if (rfmt > 1)	/* formats 2 and 3 are not provided */
		return respond(c, RC_OK, 8, rfmt);
	size = rfmt ? 32 : 8;
	/* One descriptor per CHPID in the range, as far as the page allows. */
	for (unsigned id = first; id <= last && 8 + (n + 1) * size <= c->room;
	     id++, n++) {
		uint8_t *d = c->rsp + 8 + n * size;
		const struct chp *chp = &c->css->chp[id];

		memset(d, 0, size);
		if (!chp->installed)
			continue;
		d[0] = 0x80;		/* descriptor valid */
		d[2] = chp->type;
		d[3] = (uint8_t)id;
	}
	return respond(c, RC_OK, 8 + n * size, rfmt);
}

/* Store Subchannel Description: 32 bytes per subchannel. */
static uint16_t ssd(struct chsc *c)
{
	const uint8_t *q = c->req;
	unsigned ssid = (q[5] >> 4) & 3, fmt = q[5] & 0x0f;
	unsigned first = ccwa_get_be16(q + 6), last = ccwa_get_be16(q + 10);
	unsigned n = 0;

	if (c->len != 16 || (q[4] & 0xff) || (q[5] & 0xc0) ||
	    ccwa_get_be16(q + 8) || ccwa_get_be32(q + 12))
		return respond(c, RC_REQ_ERR, 8, 0);
	if (fmt)
		return respond(c, RC_FORMAT, 8, 0);
	if (ssid >= c->css->cfg.nsets)
		return respond(c, RC_SSID, 8, 0);
	if (last < first)
		return respond(c, RC_REQ_ERR, 8, 0);
	for (unsigned no = first; no <= last && 8 + (n + 1) * 32 <= c->room;
	     no++, n++) {
		uint8_t *d = c->rsp + 8 + n * 32;
		const struct sim_sch *sch = css_sch(c->css, ssid, no);
		const struct ccwa_pmcw *p;

		memset(d, 0, 32);
		if (!sch)
			continue;
		p = &sch->schib.pmcw;
		d[0] = (uint8_t)(0x80 | (ccwa_pmcw_dnv(p) ? 0x40 : 0) |
				 ccwa_pmcw_st(p) << 3);
		d[1] = (uint8_t)ccwa_pmcw_dev(p);	/* unit address */
		ccwa_put_be16(d + 2, (uint16_t)ccwa_pmcw_dev(p));
		d[4] = (uint8_t)ccwa_pmcw_pim(p);
		ccwa_put_be16(d + 6, (uint16_t)no);
		for (unsigned i = 0; i < 8; i++)
			d[8 + i] = ccwa_pmcw_chpid(p, i);
	}
	return respond(c, RC_OK, 8 + n * 32, 0);
}

/*
 * Store Channel-Subsystem Characteristics.  General characteristics at
 * response + 8, CHSC characteristics at response + 2048 (MSB-0 bits).
 */
static void setbit(uint8_t *a, unsigned bit)
{
	a[bit / 8] |= (uint8_t)(0x80u >> (bit % 8));
}

static uint16_t scsc(struct chsc *c)
{
	const uint8_t *q = c->req;
	uint32_t fac = c->css->cfg.facilities;
	uint8_t *gen = c->rsp + 8, *chsc = c->rsp + 2048;
	const uint32_t rlen = 4080;

	if (c->len != 16)
		return respond(c, RC_REQ_ERR, 8, 0);
	if (q[5] & 0x0f)
		return respond(c, RC_FORMAT, 8, 0);
	if (q[6])
		return respond(c, RC_CSSID, 8, 0);
	if ((ccwa_get_be32(q + 4) & 0xdff000ffu) || ccwa_get_be32(q + 8) ||
	    ccwa_get_be32(q + 12))
		return respond(c, RC_REQ_ERR, 8, 0);
	if (rlen > c->room)
		return respond(c, RC_REQ_ERR, 8, 0);
	memset(c->rsp + 8, 0, rlen - 8);
	setbit(gen, 6);			/* cancel subchannel (XSCH) */
	if (fac & SIM_FAC_CSENSE)
		setbit(gen, 7);		/* concurrent sense */
	setbit(gen, 46);		/* fmt-1 channel-path descriptions */
	if (fac & SIM_FAC_EMB)
		setbit(gen, 48);	/* extended measurement block */
	setbit(chsc, 1);		/* SCPD supported */
	return respond(c, RC_OK, rlen, 0);
}

/* Set Domain Attributes: only "enable MSS" exists here. */
static uint16_t sda(struct chsc *c)
{
	uint16_t oc = ccwa_get_be16(c->req + 6);

	if (c->len < 16)
		return respond(c, RC_REQ_ERR, 8, 0);
	switch (oc) {
	case 2:		/* multiple subchannel sets */
		return respond(c, (c->css->cfg.facilities & SIM_FAC_MSS) ?
				  RC_OK : RC_FACILITY, 8, 0);
	case 3:		/* multiple channel-subsystem images: not provided */
		return respond(c, RC_FACILITY, 8, 0);
	default:
		return respond(c, RC_REQ_ERR, 8, 0);
	}
}

struct sim_io sim_css_chsc(struct sim_css *css, const struct sim_cpu *cpu,
			   uint64_t addr)
{
	uint8_t area[CHSC_AREA];
	struct chsc c;
	uint64_t abs;
	uint16_t code, rlen;
	enum sim_mem_err e;

	if (!css || !cpu)
		return (struct sim_io){ .err = -EINVAL };
	if (cpu->problem)
		return (struct sim_io){ .pic = CCWA_PGM_PRIVILEGED };
	if (addr & (CHSC_AREA - 1))
		return (struct sim_io){ .pic = CCWA_PGM_SPECIFICATION };
	abs = css_real_to_abs(cpu, addr);
	e = sim_mem_check(css->cfg.mem, abs, 16, cpu->key, 0, NULL);
	if (e)
		return (struct sim_io){ .pic = e == SIM_MEM_PROTECTION ?
				CCWA_PGM_PROTECTION : CCWA_PGM_ADDRESSING };
	memset(area, 0, sizeof(area));
	sim_mem_read(css->cfg.mem, abs, area, 16, cpu->key, NULL);
	c.css = css;
	c.len = ccwa_get_be16(area);
	code = ccwa_get_be16(area + 2);
	if (c.len < 16 || c.len > CHSC_AREA - 8 || (c.len & 7))
		return (struct sim_io){ .pic = CCWA_PGM_OPERAND };
	e = sim_mem_check(css->cfg.mem, abs, c.len, cpu->key, 0, NULL);
	if (e)
		return (struct sim_io){ .pic = e == SIM_MEM_PROTECTION ?
				CCWA_PGM_PROTECTION : CCWA_PGM_ADDRESSING };
	sim_mem_read(css->cfg.mem, abs, area, c.len, cpu->key, NULL);
	c.req = area;
	c.rsp = area + c.len;
	c.room = CHSC_AREA - c.len;
	switch (code) {
	case CHSC_SCPD:
		rlen = scpd(&c);
		break;
	case CHSC_SSD:
		rlen = ssd(&c);
		break;
	case CHSC_SEI:	/* this CSS never has event information */
		rlen = respond(&c, RC_NO_DATA, 8, 0);
		break;
	case CHSC_SCSC:
		rlen = scsc(&c);
		break;
	case CHSC_SDA:
		rlen = sda(&c);
		break;
	default:
		rlen = respond(&c, RC_NOT_SUPP, 8, 0);
		break;
	}
	e = sim_mem_check(css->cfg.mem, abs + c.len, rlen, cpu->key, 1, NULL);
	if (e)
		return (struct sim_io){ .pic = e == SIM_MEM_PROTECTION ?
				CCWA_PGM_PROTECTION : CCWA_PGM_ADDRESSING };
	sim_mem_write(css->cfg.mem, abs + c.len, c.rsp, rlen, cpu->key, NULL);
	css_trace(css, NULL, "chsc", "code=0x%04x rc=0x%04x len=%u", code,
		  ccwa_get_be16(c.rsp + 2), rlen);
	return (struct sim_io){ .cc = 0 };
}
