import { createApp } from 'vue';
import 'reservekit-booking';
import 'reservekit-booking/booking-button';
import 'reservekit-booking/manage';
import type {} from 'reservekit-booking/types/vue';
import App from './App.vue';

createApp(App).mount('#root');
