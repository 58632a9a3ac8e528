// SPDX-License-Identifier: GPL-2.0-or-later
/* A strict JSON syntax checker for tests: no values are built. */
#include <string.h>

#include "json_check.h"

struct js {
	const char *s;
	size_t n, i;
	int depth;
};

static int value(struct js *j);

static void ws(struct js *j)
{
	while (j->i < j->n && strchr(" \t\r\n", j->s[j->i]) && j->s[j->i])
		j->i++;
}

static int eat(struct js *j, char c)
{
	ws(j);
	if (j->i < j->n && j->s[j->i] == c) {
		j->i++;
		return 1;
	}
	return 0;
}

static int lit(struct js *j, const char *w)
{
	size_t l = strlen(w);

	if (j->n - j->i < l || memcmp(j->s + j->i, w, l))
		return 0;
	j->i += l;
	return 1;
}

static int hexd(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static int string(struct js *j)
{
	if (!eat(j, '"'))
		return 0;
	while (j->i < j->n) {
		unsigned char c = (unsigned char)j->s[j->i++];

		if (c == '"')
			return 1;
		if (c < 0x20)
			return 0;
		if (c != '\\')
			continue;
		if (j->i >= j->n)
			return 0;
		c = (unsigned char)j->s[j->i++];
		if (c == 'u') {
			for (int k = 0; k < 4; k++)
				if (j->i >= j->n || !hexd(j->s[j->i++]))
					return 0;
		} else if (!strchr("\"\\/bfnrt", c) || !c) {
			return 0;
		}
	}
	return 0;
}

static int digits(struct js *j)
{
	size_t st = j->i;

	while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
		j->i++;
	return j->i > st;
}

static int number(struct js *j)
{
	if (j->i < j->n && j->s[j->i] == '-')
		j->i++;
	if (j->i < j->n && j->s[j->i] == '0')
		j->i++;
	else if (!digits(j))
		return 0;
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		if (!digits(j))
			return 0;
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		if (!digits(j))
			return 0;
	}
	return 1;
}

static int container(struct js *j, char open, char close, int object)
{
	if (!eat(j, open))
		return 0;
	if (++j->depth > 256)
		return 0;
	if (eat(j, close)) {
		j->depth--;
		return 1;
	}
	do {
		if (object && (!string(j) || !eat(j, ':')))
			return 0;
		if (!value(j))
			return 0;
	} while (eat(j, ','));
	j->depth--;
	return eat(j, close);
}

static int value(struct js *j)
{
	ws(j);
	if (j->i >= j->n)
		return 0;
	switch (j->s[j->i]) {
	case '{':
		return container(j, '{', '}', 1);
	case '[':
		return container(j, '[', ']', 0);
	case '"':
		return string(j);
	case 't':
		return lit(j, "true");
	case 'f':
		return lit(j, "false");
	case 'n':
		return lit(j, "null");
	default:
		return number(j);
	}
}

size_t json_check(const char *s, size_t n)
{
	struct js j = { s, n, 0, 0 };

	if (!value(&j))
		return j.i + 1;
	ws(&j);
	return j.i == n ? 0 : j.i + 1;
}
