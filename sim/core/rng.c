// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * xoshiro256** streams seeded through splitmix64, written from the
 * published algorithm descriptions.
 */
#include <ccwsim/sim/rng.h>

uint64_t sim_splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

void sim_rng_init(struct sim_rng *r, uint64_t master, uint32_t kind,
		  uint64_t id)
{
	/*
	 * Hash the tuple one element at a time; each step runs the full
	 * splitmix64 finaliser, so nearby tuples land far apart.
	 */
	uint64_t h = master;
	uint64_t st;

	st = h ^ ((uint64_t)kind << 32 | kind);
	h = sim_splitmix64(&st);
	st = h ^ id;
	h = sim_splitmix64(&st);
	st = h;
	for (int i = 0; i < 4; i++)
		r->s[i] = sim_splitmix64(&st);
	/* splitmix64 never yields four zeros in a row; xoshiro needs that. */
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t sim_rng_u64(struct sim_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t sim_rng_below(struct sim_rng *r, uint64_t n)
{
	uint64_t limit, x;

	if (n == 0)
		return 0;
	/* Reject the top partial bucket so every residue is equally likely. */
	limit = UINT64_MAX - UINT64_MAX % n;
	do
		x = sim_rng_u64(r);
	while (x >= limit);
	return x % n;
}

uint64_t sim_rng_range(struct sim_rng *r, uint64_t lo, uint64_t hi)
{
	if (hi <= lo)
		return lo;
	if (hi - lo == UINT64_MAX)
		return sim_rng_u64(r);
	return lo + sim_rng_below(r, hi - lo + 1);
}

int sim_rng_chance(struct sim_rng *r, uint64_t num, uint64_t den)
{
	return den != 0 && sim_rng_below(r, den) < num;
}
