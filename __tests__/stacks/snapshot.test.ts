import { synthAll } from '../helpers/synth';

/**
 * Reviewed artefacts: a change to any default stack shows up here as a diff to read in review. Behaviour is
 * asserted by the other tests; these only make change visible.
 */
describe('default stacks', () => {
  const stacks = synthAll();
  test.each(Object.keys(stacks))('%s', (name) => {
    expect(stacks[name]).toMatchSnapshot();
  });
});
