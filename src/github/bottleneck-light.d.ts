// bottleneck ships types only for its full build; the light build (no Redis
// clustering, which a bundle cannot resolve) has the same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
