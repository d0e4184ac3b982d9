// Loaded into the API process by `bench public-reads` (Node's --import, ahead of tsx, hence plain
// JavaScript): every second, writes the process's memoryUsage() and the used size of V8's heap
// spaces to BENCH_MEMORY_FILE, so the bench can follow the heap next to the RSS it reads from /proc
// without touching the API. `oldSpace` (old generation, large objects and code) is what a leak grows;
// `newSpace` is the young generation, garbage not yet collected (up to 3 × --max-semi-space-size).
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  setInterval(() => {
    let newSpace = 0;
    let oldSpace = 0;
    for (const space of getHeapSpaceStatistics()) {
      if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space')
        newSpace += space.space_used_size;
      else oldSpace += space.space_used_size;
    }
    writeFileSync(file, JSON.stringify({ ...process.memoryUsage(), newSpace, oldSpace }));
  }, 1000).unref();
}
